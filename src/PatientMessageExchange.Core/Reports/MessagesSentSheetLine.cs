using MiniExcelLibs.Attributes;

namespace PatientMessageExchange.Core.Reports;

/// <summary>One XLSX row; the column names match <see cref="MessagesSentColumns.Headers"/>.</summary>
internal sealed class MessagesSentSheetLine
{
    [ExcelColumnName("Sent")] public string Sent { get; init; } = "";
    [ExcelColumnName("Contact mode")] public string Mode { get; init; } = "";
    [ExcelColumnName("Patient or address")] public string PatientOrAddress { get; init; } = "";
    [ExcelColumnName("Campaign")] public string Campaign { get; init; } = "";
    [ExcelColumnName("Need")] public string Need { get; init; } = "";
    [ExcelColumnName("Sender")] public string Sender { get; init; } = "";
    [ExcelColumnName("Status")] public string Status { get; init; } = "";
    [ExcelColumnName("Credits")] public int Credits { get; init; }
    [ExcelColumnName("Problem")] public string Problem { get; init; } = "";

    public static MessagesSentSheetLine From(MessagesSentRow row, TimeZoneInfo zone)
    {
        var cells = MessagesSentColumns.Cells(row, zone);
        return new MessagesSentSheetLine
        {
            Sent = cells[0], Mode = cells[1], PatientOrAddress = cells[2], Campaign = cells[3], Need = cells[4],
            Sender = cells[5], Status = cells[6], Credits = row.Credits, Problem = cells[8],
        };
    }
}
