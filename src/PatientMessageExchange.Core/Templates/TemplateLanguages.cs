namespace PatientMessageExchange.Core.Templates;

/// <summary>The languages a template can be written in, as ISO 639-1 codes with the name staff read.</summary>
public static class TemplateLanguages
{
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English",
        ["es"] = "Spanish",
        ["pt"] = "Portuguese",
        ["fr"] = "French",
        ["ht"] = "Haitian Creole",
        ["vi"] = "Vietnamese",
        ["zh"] = "Chinese",
        ["ar"] = "Arabic",
        ["ru"] = "Russian",
    };

    public static string Normalize(string? language)
    {
        var code = (language ?? "").Trim();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0)
        {
            code = code[..dash];
        }
        return code.Length == 0 ? "en" : code.ToLowerInvariant();
    }

    public static bool IsKnown(string? language) => language is not null && Known.ContainsKey(language.Trim());

    public static string DisplayName(string language) => Known.TryGetValue(language, out var name) ? name : language;
}
