namespace PatientMessageExchange.Core.Preferences;

/// <summary>Plain words for staff; the enum names are for code.</summary>
public static class SkipReasonExtensions
{
    public static string Describe(this SkipReason reason) => reason switch
    {
        SkipReason.Missing => "none on file",
        SkipReason.Bounced => "bounced",
        SkipReason.Invalid => "not a valid address or number",
        SkipReason.OptedOut => "opted out",
        SkipReason.Suppressed => "blocked after a bounce, complaint or STOP",
        SkipReason.DoNotContact => "do not contact",
        SkipReason.MinorsOwnContact => "the minor's own, guardians are used",
        SkipReason.UnsubscribedFromAnnouncements => "unsubscribed from announcements",
        _ => reason.ToString(),
    };
}
