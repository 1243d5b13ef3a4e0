using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// A named message for one need, in one language, with up to four parts (email subject and HTML body, text, voice).
/// A translation is a row of its own whose <see cref="VariantOfId"/> points at the original; the original has none.
/// We chose a pointer to the original over a free-text group key because it can't drift (a typo in a key would split a
/// family silently) and the original stays the fallback for every language it has no variant for.
/// </summary>
public class MessageTemplate
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Need Need { get; set; }
    public MergeScope Scope { get; set; }

    /// <summary>ISO 639-1 code, e.g. "en" or "es".</summary>
    public string Language { get; set; } = "en";

    /// <summary>The original this template translates; null for an original.</summary>
    public int? VariantOfId { get; set; }
    public MessageTemplate? VariantOf { get; set; }

    public string? EmailSubject { get; set; }
    public string? EmailHtmlBody { get; set; }
    public string? SmsBody { get; set; }
    public string? VoiceScript { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>When a campaign last sent it: the composer offers "previously used messages" first.</summary>
    public DateTimeOffset? LastUsedUtc { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>The id of the family's original: itself for an original.</summary>
    public int OriginalId => VariantOfId ?? Id;

    public TemplateContent ToContent() => new(EmailSubject, EmailHtmlBody, SmsBody, VoiceScript);
}
