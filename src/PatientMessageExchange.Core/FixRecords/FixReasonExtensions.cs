namespace PatientMessageExchange.Core.FixRecords;

/// <summary>Plain words for staff; the enum names are for code.</summary>
public static class FixReasonExtensions
{
    public static string Describe(this FixReason reason) => reason switch
    {
        FixReason.Bounced => "Bounced",
        FixReason.Invalid => "Not valid",
        FixReason.OptedOut => "Opted out",
        FixReason.Suppressed => "Blocked",
        FixReason.LandlineForText => "Landline used for texts",
        _ => reason.ToString(),
    };
}
