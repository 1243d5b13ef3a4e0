namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// The practice-wide delivery rules for automated messages (one row): the delivery window and days in the practice's
/// time zone, the daily cap per family contact, where pause notices go, and whether sending is paused for lack of
/// credits.
/// </summary>
public class AutomationSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Minutes after local midnight; automated messages go out from here…</summary>
    public int WindowStartMinutes { get; set; } = 9 * 60;

    /// <summary>…until here (exclusive).</summary>
    public int WindowEndMinutes { get; set; } = 19 * 60;

    /// <summary>Bit per <see cref="DayOfWeek"/> (Sunday = bit 0). Monday to Saturday by default.</summary>
    public int DeliveryDays { get; set; } = 0b111_1110;

    /// <summary>At most this many automated messages per contact address per practice day.</summary>
    public int DailyCapPerContact { get; set; } = 2;

    /// <summary>The practice's address for notices such as "automated messages are paused".</summary>
    public string NoticeEmail { get; set; } = "";

    /// <summary>Set when a run could not be paid for; cleared when the balance covers a run again.</summary>
    public DateTimeOffset? PausedUtc { get; set; }

    /// <summary>The credits the run that paused needed.</summary>
    public int PausedNeedCredits { get; set; }

    /// <summary>When the pause notice was emailed; once per pause.</summary>
    public DateTimeOffset? PauseNoticeSentUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public bool IsDeliveryDay(DayOfWeek day) => (DeliveryDays & (1 << (int)day)) != 0;
}
