using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Credits;

/// <summary>What one message costs, by contact mode; an inbound text reply costs the text rate.</summary>
public static class CreditRates
{
    public const int InboundText = 3;

    public static int Outbound(ContactMode mode) => mode switch
    {
        ContactMode.Email or ContactMode.WorkEmail => 1,
        ContactMode.Text => 3,
        ContactMode.Phone or ContactMode.WorkPhone => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown contact mode."),
    };
}
