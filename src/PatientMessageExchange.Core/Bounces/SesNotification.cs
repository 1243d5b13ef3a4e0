using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// An Amazon SES bounce, complaint or delivery notification, as JSON in a mail body: either SES's own object or an
/// SNS envelope whose Message holds it. A delivery notification has no recipients (nothing to record).
/// </summary>
public sealed partial record SesNotification(IReadOnlyList<BounceRecipient> Recipients, string? OriginalMessageId, string? ReportingMta)
{
    public static SesNotification? TryRead(MimeMessage message)
    {
        if (message.Body is not TextPart { IsPlain: true } part || part.Text is not { } body || !body.Contains("notificationType", StringComparison.Ordinal))
        {
            return null;
        }
        // The JSON object alone: SNS adds an unsubscribe footer after it.
        var (first, last) = (body.IndexOf('{'), body.LastIndexOf('}'));
        if (first < 0 || last < first)
        {
            return null;
        }
        body = body[first..(last + 1)];
        var root = Load(body) ?? Load(SnsFold().Replace(body, "")) ?? Load(LineFold().Replace(body, ""));
        if (root is null)
        {
            return null;
        }
        using (root)
        {
            var notification = root.RootElement;
            if (notification.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            if (Text(notification, "Message") is { } inner)
            {
                using var innerDocument = Load(inner);
                return innerDocument is null ? null : Read(innerDocument.RootElement);
            }
            return Read(notification);
        }
    }

    private static SesNotification? Read(JsonElement notification)
    {
        var type = Text(notification, "notificationType") ?? Text(notification, "eventType");
        var mail = notification.TryGetProperty("mail", out var m) ? m : default;
        var originalMessageId = MessageIdOf(mail);
        switch (type)
        {
            case "Bounce" when notification.TryGetProperty("bounce", out var bounce):
                var transient = Text(bounce, "bounceType") == "Transient";
                var recipients = Items(bounce, "bouncedRecipients").Select(r =>
                {
                    var status = Text(r, "status");
                    var diagnostic = Text(r, "diagnosticCode");
                    var kind = BounceClassifier.Classify(Text(r, "action") ?? "failed", status ?? (transient ? "4.0.0" : null), diagnostic)
                               ?? BounceKind.Unclassified;
                    var address = DsnParser.Address(Text(r, "emailAddress"));
                    return new BounceRecipient(address is null ? BounceKind.Unclassified : kind, address, Action: "failed",
                        Status: BounceClassifier.EnhancedStatus(status) ?? BounceClassifier.DeriveStatus(diagnostic),
                        DiagnosticCode: diagnostic is { Length: > 1000 } ? diagnostic[..1000] : diagnostic);
                }).ToList();
                return new SesNotification(recipients, originalMessageId, AfterType(Text(bounce, "reportingMTA")));
            case "Complaint" when notification.TryGetProperty("complaint", out var complaint):
                var feedbackType = Text(complaint, "complaintFeedbackType") ?? "abuse";
                return new SesNotification(Items(complaint, "complainedRecipients")
                    .Select(r => DsnParser.Address(Text(r, "emailAddress"))).OfType<string>()
                    .Select(a => new BounceRecipient(BounceKind.Complaint, a, FeedbackType: feedbackType.Length > 32 ? feedbackType[..32] : feedbackType))
                    .ToList(), originalMessageId, null);
            case "Delivery":
                return new SesNotification([], originalMessageId, null);
            default:
                return null;
        }
    }

    private static string? MessageIdOf(JsonElement mail)
    {
        if (mail.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var header = Items(mail, "headers").FirstOrDefault(h => string.Equals(Text(h, "name"), "Message-ID", StringComparison.OrdinalIgnoreCase));
        var value = header.ValueKind == JsonValueKind.Object ? Text(header, "value") : null;
        value ??= mail.TryGetProperty("commonHeaders", out var common) ? Text(common, "messageId") : null;
        return value?.Trim().Trim('<', '>');
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList()
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? AfterType(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var semicolon = value.IndexOf(';');
        var rest = (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim();
        return rest.Length == 0 ? null : rest.Length > 255 ? rest[..255] : rest;
    }

    private static JsonDocument? Load(string text)
    {
        try
        {
            return JsonDocument.Parse(text.Trim());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Some mail paths fold long lines with a "!" before the break; the JSON is whole once it is removed.</summary>
    [GeneratedRegex(@"!\r?\n ")]
    private static partial Regex SnsFold();

    [GeneratedRegex(@"\r?\n[ \t]")]
    private static partial Regex LineFold();
}
