using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// The readable parts of a bounce that carries no delivery-status part: the notice the server wrote (up to where it
/// quotes the returned message), the returned message's headers, and the addresses that are ours rather than the
/// failed recipient's. Line ends are plain \n.
/// </summary>
public sealed partial class BounceText
{
    private readonly HashSet<string> _own;

    public BounceText(MimeMessage message)
    {
        Message = message;
        Subject = message.Subject ?? "";
        From = message.From.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant() ?? "";
        var body = new StringBuilder();
        HeaderList? attached = null;
        Collect(message.Body, body, ref attached);
        Body = body.ToString().Replace("\r\n", "\n").Replace('\r', '\n');
        var marker = OriginalMarker().Match(Body);
        Notice = marker.Success ? Body[..marker.Index] : Body;
        Quoted = marker.Success ? Body[marker.Index..] : "";
        Original = attached ?? QuotedHeaders(Quoted);
        OriginalMessageId = Original?[HeaderId.MessageId] is { } id ? Clean(id) : null;
        FailedRecipientsHeader = message.Headers.Where(h => h.Field.Equals("X-Failed-Recipients", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Address).OfType<string>().Distinct().ToList();

        _own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Message-IDs look like addresses; none of them is a recipient.
        foreach (Match quotedId in MessageIdField().Matches(Body))
        {
            AddOwn(quotedId.Groups[1].Value);
        }
        AddOwn(OriginalMessageId);
        AddOwn(message.Headers[HeaderId.From]);
        AddOwn(message.Headers[HeaderId.To]);
        AddOwn(message.Headers[HeaderId.ReturnPath]);
        AddOwn(Original?[HeaderId.From]);
        AddOwn(Original?[HeaderId.ReturnPath]);
        AddOwn(Original?[HeaderId.Sender]);
    }

    public MimeMessage Message { get; }

    public string Subject { get; }

    /// <summary>The bounce's sender address, lower-cased; empty for "MAILER-DAEMON &lt;&gt;".</summary>
    public string From { get; }

    /// <summary>Every text part of the bounce itself, not of a message it attaches.</summary>
    public string Body { get; }

    /// <summary>The server's own words: the body up to the copy of the returned message.</summary>
    public string Notice { get; }

    /// <summary>From the "copy of the message follows" line on; empty when the bounce quotes nothing inline.</summary>
    public string Quoted { get; }

    /// <summary>The returned message's headers, attached or quoted; null when the bounce returns neither.</summary>
    public HeaderList? Original { get; }

    public string? OriginalMessageId { get; }

    public IReadOnlyList<string> FailedRecipientsHeader { get; }

    /// <summary>The bounce's own From/To and the returned message's sender: never the failed recipient.</summary>
    public bool IsOwn(string address) => _own.Contains(address);

    /// <summary>The notice from the first line matching <paramref name="start"/> (exclusive) on; null when none does.</summary>
    public string? After(Regex start)
    {
        var match = start.Match(Notice);
        if (!match.Success)
        {
            return null;
        }
        var end = Notice.IndexOf('\n', match.Index + match.Length - (match.Value.EndsWith('\n') ? 1 : 0));
        return end < 0 ? "" : Notice[(end + 1)..];
    }

    /// <summary>"&lt;Ann@Example.org&gt;" or "mailto:ann@example.org" gives "ann@example.org"; null when not an address.</summary>
    public static string? Address(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var match = AddressPattern().Match(value);
        return match.Success && match.Value.Length <= 254 ? match.Value.TrimEnd('.').ToLowerInvariant() : null;
    }

    /// <summary>Every address in a text, lower-cased, in order, without repeats.</summary>
    public static IEnumerable<string> Addresses(string text) =>
        AddressPattern().Matches(text).Select(m => m.Value.TrimEnd('.').ToLowerInvariant()).Where(a => a.Length <= 254).Distinct();

    [GeneratedRegex(@"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")]
    internal static partial Regex AddressPattern();

    private void AddOwn(string? field)
    {
        if (field is null)
        {
            return;
        }
        foreach (var address in Addresses(field))
        {
            _own.Add(address);
        }
    }

    private static void Collect(MimeEntity? entity, StringBuilder body, ref HeaderList? attached)
    {
        switch (entity)
        {
            case Multipart { Count: 0 } broken:
                // A multipart whose boundary never appears: MimeKit keeps the whole body as its preamble.
                body.Append(broken.Preamble).Append('\n').Append(broken.Epilogue).Append('\n');
                break;
            case Multipart multipart:
                foreach (var part in multipart)
                {
                    Collect(part, body, ref attached);
                }
                break;
            case MessagePart { Message: { } returned }:
                attached ??= returned.Headers;
                break;
            case TextPart text when text.ContentType.IsMimeType("text", "rfc822-headers") || (text.IsAttachment && body.Length > 0):
                // The returned headers, also when sent as a text attachment ("mailheaders.txt").
                attached ??= DsnParser.FieldGroups(ReadText(text)).FirstOrDefault();
                break;
            case TextPart text when text.IsPlain || (text.IsHtml && body.Length == 0):
                var value = ReadText(text);
                body.Append(text.IsHtml ? StripHtml(value) : value).Append('\n');
                break;
        }
    }

    private static string ReadText(TextPart part)
    {
        try
        {
            return part.Text ?? "";
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            using var stream = new MemoryStream();
            part.Content?.DecodeTo(stream);
            return Encoding.Latin1.GetString(stream.ToArray());
        }
    }

    private static string StripHtml(string html)
    {
        var text = HtmlBreak().Replace(html, "\n");
        text = HtmlTag().Replace(text, "");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    /// <summary>The header block of a returned message quoted inline: its first run of header lines.</summary>
    private static HeaderList? QuotedHeaders(string quoted)
    {
        if (quoted.Length == 0)
        {
            return null;
        }
        var lines = quoted.Split('\n').Skip(1).SkipWhile(l => !HeaderLine().IsMatch(l));
        var block = string.Join('\n', lines.TakeWhile(l => l.Trim().Length > 0));
        var headers = DsnParser.FieldGroups(block).FirstOrDefault();
        return headers is { Count: > 0 } ? headers : null;
    }

    private static string Clean(string value) => value.Trim().Trim('<', '>').Trim();

    /// <summary>Where the servers we know start quoting the returned message.</summary>
    [GeneratedRegex(@"^[ \t|]*(-+ ?This is a copy of|-+ ?Below this line is a copy|-* ?Original message follows|-+ ?Original message -+|-+ ?Original message$|-+ ?Returned Message|Message headers follow|Below is a copy of the original message|-+ ?The header of the original message|Included is a copy of the message header|-+ ?Unsent message follows|Original message headers:|-+ ?Message text follows|-+ ?original message|-+ ?This is a copy of the headers|-+ ?The original message headers|-+ ?Original Message Header|-+ ?Headers of the original message)",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMarker();

    [GeneratedRegex(@"Message-ID:\s*<?([^\s<>]+@[^\s<>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdField();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*:\s")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>|</tr>|</li>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTag();
}
