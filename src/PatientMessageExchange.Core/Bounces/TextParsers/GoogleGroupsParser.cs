using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Google Groups: "the group you tried to contact (name) may not exist, or you may not have permission to post", in
/// the sender's language, with a link to the groups help. The group's address is only in X-Failed-Recipients. Google does not say which of the two it is, so the status is
/// the generic 5.0.0: counted as soft, never suppressed on one notice.
/// </summary>
public sealed partial class GoogleGroupsParser : ITextBounceParser
{
    public string Family => "Google Groups";

    public TextBounceResult? Parse(BounceText text)
    {
        // The notice is in the sender's language; the link to the groups help is not.
        if (!text.Notice.Contains("groups.google.com", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var match = Notice().Match(text.Notice);
        var recipients = text.FailedRecipientsHeader.Count > 0
            ? text.FailedRecipientsHeader
            : BounceText.Addresses(text.Notice).Where(a => !text.IsOwn(a)).Take(1).ToList();
        var diagnostic = match.Success ? RecipientBlocks.Diagnostic([match.Value]) : RecipientBlocks.FirstParagraph(text.Notice.Split("\n\n", 2).Last());
        return new TextBounceResult(Family, recipients.Select(r => new TextBounceEntry(r, diagnostic, "5.0.0")).ToList());
    }

    [GeneratedRegex(@"the group you tried to contact[^\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex Notice();
}
