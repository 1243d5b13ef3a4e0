using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// What one message costs, by contact mode: email 1, text 3, phone 5, as the product states them. A text costs 3 credits
/// whatever its length, unless the practice chose per-segment pricing (<see cref="Practice.PracticeProfile.PerSegmentTextPricing"/>),
/// where it costs 3 per SMS segment. Every place that prices or charges a text (estimate, reservation, charge,
/// fallback, inbound replies) goes through <see cref="Text"/>; reports and reconciliation read the amounts charged.
/// </summary>
public static class CreditRates
{
    public const int Email = 1;
    public const int TextMessage = 3;
    public const int Phone = 5;

    /// <summary>The rate of one message in the mode; for a text, the price of a one-segment text.</summary>
    public static int Outbound(ContactMode mode) => mode switch
    {
        ContactMode.Email or ContactMode.WorkEmail => Email,
        ContactMode.Text => TextMessage,
        ContactMode.Phone or ContactMode.WorkPhone => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown contact mode."),
    };

    /// <summary>What a text of <paramref name="segments"/> SMS segments costs, outbound or inbound.</summary>
    public static int Text(int segments, bool perSegment) => perSegment ? TextMessage * Math.Max(1, segments) : TextMessage;
}
