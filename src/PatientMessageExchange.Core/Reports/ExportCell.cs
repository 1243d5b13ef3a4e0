using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// R28: a cell that a spreadsheet would read as a formula is prefixed with a single quote, so it shows as text and never
/// runs. A formula is recognised after any leading spaces and double quotes too (= + - @, a tab, a carriage return or a line
/// feed). Plain numbers such as -3 are left alone, since a spreadsheet reads them as numbers, not formulas.
/// </summary>
public static partial class ExportCell
{
    public static string Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text) || PlainNumber().IsMatch(text))
        {
            return text ?? "";
        }
        foreach (var c in text)
        {
            if (c is ' ' or '"')
            {
                continue;
            }
            return c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + text : text;
        }
        return text;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainNumber();
}
