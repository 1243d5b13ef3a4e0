namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// R28: a cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is
/// prefixed with a single quote, so it shows as text and never runs.
/// </summary>
public static class ExportCell
{
    public static string Neutralize(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";
}
