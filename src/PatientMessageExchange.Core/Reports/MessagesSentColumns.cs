using System.Globalization;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Reports;

/// <summary>The columns of the message list, shared by the screen, the print page and both exports.</summary>
public static class MessagesSentColumns
{
    public static readonly IReadOnlyList<string> Headers =
        ["Sent", "Contact mode", "Patient or address", "Campaign", "Need", "Sender", "Status", "Credits", "Problem"];

    /// <summary>The practice-local time a row shows, e.g. "2026-11-03 09:15".</summary>
    public static string LocalTime(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The row's cells as text, in <see cref="Headers"/> order, neutralized for spreadsheets (R28).</summary>
    public static string[] Cells(MessagesSentRow row, TimeZoneInfo zone) =>
    [
        LocalTime(row.WhenUtc, zone),
        row.Mode.DisplayName(),
        ExportCell.Neutralize(row.PatientOrAddress),
        ExportCell.Neutralize(row.Campaign),
        row.Need.DisplayName(),
        ExportCell.Neutralize(row.Sender),
        row.Status.ToString(),
        row.Credits.ToString(CultureInfo.InvariantCulture),
        ExportCell.Neutralize(row.Problem),
    ];
}
