using System.Text;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Replaces look-alike punctuation that forces a text into UCS-2 (curly quotes, long dashes, the ellipsis, unusual
/// spaces) with the plain GSM-7 characters a reader can't tell apart, as carriers' "smart encoding" does. Letters such
/// as "í" are left alone: replacing them would change the words.
/// </summary>
public static class SmsSmartEncoding
{
    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201B'] = "'", ['\u2032'] = "'", ['\u02BC'] = "'",
        ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"", ['\u201F'] = "\"", ['\u2033'] = "\"",
        ['\u00AB'] = "\"", ['\u00BB'] = "\"",
        ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "-", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2015'] = "-",
        ['\u2212'] = "-",
        ['\u2026'] = "...",
        ['\u00A0'] = " ", ['\u2002'] = " ", ['\u2003'] = " ", ['\u2009'] = " ", ['\u202F'] = " ",
        ['\u00AD'] = "", ['\u200B'] = "", ['\u2060'] = "", ['\uFEFF'] = "",
    };

    /// <summary>The replacements as a JSON object, for the editor's one-click button to apply the very same table.</summary>
    public static string MapJson { get; } = System.Text.Json.JsonSerializer.Serialize(
        Replacements.ToDictionary(r => r.Key.ToString(), r => r.Value));

    /// <summary>Whether <see cref="Apply"/> would change the text.</summary>
    public static bool CanImprove(string? text) => !string.IsNullOrEmpty(text) && text.Any(Replacements.ContainsKey);

    public static string Apply(string text)
    {
        if (!CanImprove(text))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Replacements.TryGetValue(c, out var plain))
            {
                result.Append(plain);
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
