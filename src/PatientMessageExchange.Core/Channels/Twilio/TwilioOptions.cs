using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// The Twilio account. <see cref="AuthToken"/> is a secret: set it through the environment (<c>Twilio__AuthToken</c>) or
/// user-secrets, never appsettings.json. Without it every Twilio webhook answers 403 (fail closed).
/// </summary>
public class TwilioOptions
{
    public const string Section = "Twilio";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>Texts go from the messaging service when set, otherwise from <see cref="FromNumber"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    public string? FromNumber { get; set; }

    /// <summary>The verified number calls come from.</summary>
    public string? VoiceCallerId { get; set; }

    /// <summary>
    /// The address Twilio reaches this app at, e.g. <c>https://pmx.example.org</c>: status callbacks and the call's TwiML
    /// are built on it, and webhook signatures are checked against its host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Texts per second across the app: 1 for a long code, more for toll-free numbers and short codes.</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 1;

    [Range(1, 100)]
    public int CallsPerSecond { get; set; } = 1;

    /// <summary>
    /// For tests only: the SDK has no base-URL setting, so requests to api.twilio.com are rewritten to this scheme, host and
    /// port (a local fake of the API). Leave empty in production.
    /// </summary>
    public string? ApiBaseUrlOverride { get; set; }

    // Methods, not properties: options validation reads every property, and these need PublicBaseUrl set.
    public Uri? PublicBase() => Uri.TryCreate(PublicBaseUrl?.TrimEnd('/'), UriKind.Absolute, out var uri) ? uri : null;

    public Uri StatusCallbackUrl() => new($"{PublicBaseUrl!.TrimEnd('/')}/webhooks/twilio/status");

    public Uri VoiceUrl(long messageId) => new($"{PublicBaseUrl!.TrimEnd('/')}/webhooks/twilio/voice/{messageId}");
}
