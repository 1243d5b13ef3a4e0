namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// How long each part may be (the editor refuses more with a message, the database holds exactly this), and how much
/// work one render may do. A render that goes past a render limit fails with <see cref="TemplateRenderException"/>;
/// saving a template that does so is refused.
/// </summary>
public static class TemplateLimits
{
    public const int Name = 200;
    public const int EmailSubject = 500;
    public const int EmailHtmlBody = 100_000;
    public const int SmsBody = 1_600;
    public const int VoiceScript = 4_000;

    /// <summary>Characters one rendered part may have.</summary>
    public const int RenderedCharacters = 200_000;

    /// <summary>Characters a value built inside a template (assign, capture, a filter's result) may have.</summary>
    public const int ValueCharacters = 200_000;

    /// <summary>Items a range such as <c>(1..n)</c>, or any list built inside a template, may have.</summary>
    public const int ListItems = 10_000;

    /// <summary>Loop iterations and statements one render may run.</summary>
    public const int Steps = 20_000;

    /// <summary>Nesting depth of loops, conditions and captures.</summary>
    public const int Recursion = 20;

    /// <summary>Wall-clock time one render may take.</summary>
    public static readonly TimeSpan RenderTime = TimeSpan.FromSeconds(2);

    /// <summary>Characters of template text kept parsed in memory, across all cached templates.</summary>
    public const long CachedCharacters = 4_000_000;

    /// <summary>The longest text a part may hold when saved.</summary>
    public static int For(TemplatePart part) => part switch
    {
        TemplatePart.EmailSubject => EmailSubject,
        TemplatePart.EmailBody => EmailHtmlBody,
        TemplatePart.Sms => SmsBody,
        _ => VoiceScript,
    };
}
