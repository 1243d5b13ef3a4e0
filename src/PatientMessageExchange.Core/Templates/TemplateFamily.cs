namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// An original template and its live translations, loaded once so that a campaign can pick each recipient's variant
/// without a query per recipient.
/// </summary>
public sealed class TemplateFamily(MessageTemplate original, IReadOnlyList<MessageTemplate> variants)
{
    public MessageTemplate Original { get; } = original;
    public IReadOnlyList<MessageTemplate> Variants { get; } = variants;

    /// <summary>The variant in <paramref name="language"/> when there is one, else the original.</summary>
    public MessageTemplate For(string? language)
    {
        var code = TemplateLanguages.Normalize(language);
        if (string.Equals(Original.Language, code, StringComparison.OrdinalIgnoreCase))
        {
            return Original;
        }
        return Variants.FirstOrDefault(v => !v.IsArchived && string.Equals(v.Language, code, StringComparison.OrdinalIgnoreCase))
               ?? Original;
    }
}
