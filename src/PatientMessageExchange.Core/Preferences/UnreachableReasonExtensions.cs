namespace PatientMessageExchange.Core.Preferences;

/// <summary>Plain words for staff; the enum names are for code.</summary>
public static class UnreachableReasonExtensions
{
    public static string Describe(this UnreachableReason reason) => reason switch
    {
        UnreachableReason.NotFound => "Not on the registry",
        UnreachableReason.Inactive => "Inactive chart",
        UnreachableReason.NoPreferredMethod => "No contact method chosen for this need",
        UnreachableReason.DoNotContact => "Every preferred method is on do-not-contact",
        UnreachableReason.NoContactOnFile => "No contact on file for the preferred methods",
        UnreachableReason.AllContactsUnusable => "Every contact on file is unusable",
        _ => reason.ToString(),
    };
}
