using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// One automated message rule: what it sends (a confirmation or a reminder), when (relative to the appointment),
/// for which appointments (types, providers and locations; empty means any) and with which template family (the
/// variant in the family's language is picked per patient, as for manual sends).
/// </summary>
public class AutomationRule
{
    public const int NameLength = 100;
    public const int FilterLength = 1000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public AutomationKind Kind { get; set; }
    public AutomationTiming Timing { get; set; }

    /// <summary>For <see cref="AutomationTiming.DaysBeforeAt"/>: how many days before the appointment's day.</summary>
    public int DaysBefore { get; set; }

    /// <summary>For <see cref="AutomationTiming.DaysBeforeAt"/>: minutes after local midnight.</summary>
    public int SendAtMinutes { get; set; }

    /// <summary>For <see cref="AutomationTiming.HoursBefore"/>.</summary>
    public int HoursBefore { get; set; }

    /// <summary>Appointment types, one per line; empty for any.</summary>
    public string AppointmentTypes { get; set; } = "";

    /// <summary>Provider ids, comma-separated; empty for any.</summary>
    public string ProviderIds { get; set; } = "";

    /// <summary>Locations, one per line; empty for any.</summary>
    public string Locations { get; set; } = "";

    public int TemplateId { get; set; }
    public bool IsEnabled { get; set; }

    /// <summary>One of the standard rules the app ships (disabled until an administrator turns it on).</summary>
    public bool IsStandard { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }

    public Need Need => Kind == AutomationKind.Confirmation ? Need.AppointmentConfirmation : Need.AppointmentReminder;

    /// <summary>The latest a send time can fall before the appointment starts; the scheduler looks this far ahead.</summary>
    public TimeSpan MaxLead => Timing == AutomationTiming.HoursBefore
        ? TimeSpan.FromHours(HoursBefore)
        : TimeSpan.FromDays(DaysBefore + 1) + TimeSpan.FromHours(2);

    /// <summary>When this rule sends for an appointment starting at <paramref name="startUtc"/> (DST-aware).</summary>
    public DateTimeOffset SendAtUtc(DateTimeOffset startUtc, TimeZoneInfo zone)
    {
        if (Timing == AutomationTiming.HoursBefore)
        {
            return startUtc - TimeSpan.FromHours(HoursBefore);
        }
        return SendAtUtc(zone.LocalDate(startUtc), zone);
    }

    /// <summary>
    /// When this <see cref="AutomationTiming.DaysBeforeAt"/> rule sends for any appointment on local day
    /// <paramref name="appointmentDay"/> (DST-aware): the same instant for the whole day.
    /// </summary>
    public DateTimeOffset SendAtUtc(DateOnly appointmentDay, TimeZoneInfo zone) =>
        AutomationClock.LocalToUtc(appointmentDay.AddDays(-DaysBefore), SendAtMinutes, zone);

    public IReadOnlyList<string> AppointmentTypeList => SplitLines(AppointmentTypes);
    public IReadOnlyList<string> LocationList => SplitLines(Locations);

    public IReadOnlyList<int> ProviderIdList => ProviderIds
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0).ToList();

    public static IReadOnlyList<string> SplitLines(string? value) => (value ?? "")
        .Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public string DescribeTiming() => Timing == AutomationTiming.HoursBefore
        ? $"{HoursBefore} hour(s) before"
        : $"{DaysBefore} day(s) before at {AutomationClock.FormatMinutes(SendAtMinutes)}";
}
