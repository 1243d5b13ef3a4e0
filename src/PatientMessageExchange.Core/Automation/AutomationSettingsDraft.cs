namespace PatientMessageExchange.Core.Automation;

/// <summary>The delivery rules as the administration form submits them.</summary>
public sealed record AutomationSettingsDraft(
    int WindowStartMinutes,
    int WindowEndMinutes,
    IReadOnlyList<DayOfWeek> DeliveryDays,
    int DailyCapPerContact,
    string? NoticeEmail);
