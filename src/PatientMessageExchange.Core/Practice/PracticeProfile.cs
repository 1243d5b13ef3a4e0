namespace PatientMessageExchange.Core.Practice;

/// <summary>The practice itself: what messages sign with and what the help reply and broadcasts must show.</summary>
public class PracticeProfile
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PostalAddress { get; set; } = "";

    /// <summary>IANA time zone id; reports and the schedule use the practice's local day.</summary>
    public string TimeZoneId { get; set; } = "America/New_York";

    /// <summary>
    /// Off (the default): a text costs 3 credits whatever its length, as the product states. On: 3 credits per SMS
    /// segment. Changed by an administrator on the Practice page, audited.
    /// </summary>
    public bool PerSegmentTextPricing { get; set; }

    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
