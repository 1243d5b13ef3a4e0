using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace PatientMessageExchange.Core.Channels.Email;

/// <summary>Builds the MIME message for an email: HTML with a plain-text alternative, and our ids in the headers.</summary>
public static partial class MimeMessageFactory
{
    public static string MessageIdFor(long messageId, string domain) => $"pmx-{messageId}@{domain}";

    public static string EnvelopeIdFor(long messageId) => $"pmx-{messageId}";

    /// <summary>Reads our message id back from a Message-ID or envelope id; null when it is not ours.</summary>
    public static long? ParseMessageId(string? value)
    {
        var match = OurId().Match(value ?? "");
        return match.Success && long.TryParse(match.Groups[1].Value, out var id) ? id : null;
    }

    public static MimeMessage Create(OutgoingEmail email, string fromAddress, string fromName, string domain)
    {
        var message = new MimeMessage
        {
            MessageId = MessageIdFor(email.MessageId, domain),
            Subject = email.Subject,
        };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }
        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = HtmlToText(email.HtmlBody) };
        message.Body = body.ToMessageBody();
        return message;
    }

    public static string HtmlToText(string html)
    {
        var text = BlockEnd().Replace(html, "\n");
        text = Links().Replace(text, m => $"{m.Groups[2].Value} ({m.Groups[1].Value})");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"pmx-(\d+)(@|$|>)")]
    private static partial Regex OurId();

    [GeneratedRegex(@"<(br\s*/?|/p|/div|/h[1-6]|/li|/tr)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n\s*\n\s*\n+")]
    private static partial Regex BlankLines();
}
