using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Exchange 2007 and later, and Office 365, when the notice comes without its delivery-status part: "Delivery has
/// failed to these recipients or groups:", each address, and "Remote Server returned '550 5.1.1 ...'" below.
/// </summary>
public sealed partial class ExchangeOnlineParser : ITextBounceParser
{
    public string Family => "Exchange Online";

    public TextBounceResult? Parse(BounceText text)
    {
        var section = text.After(Start());
        if (section is null)
        {
            return null;
        }
        var administrators = text.After(Administrators()) ?? "";
        var returned = Returned().Match(administrators);
        var list = Administrators().Match(section) is { Success: true } end ? section[..end.Index] : section;
        var entries = RecipientBlocks.Read(list, text)
            .Select(e => e with { Diagnostic = returned.Success ? RecipientBlocks.Diagnostic([returned.Groups[1].Value, e.Diagnostic ?? ""]) : e.Diagnostic })
            .ToList();
        return new TextBounceResult(Family, entries);
    }

    [GeneratedRegex(@"Delivery has failed to these recipients or groups:|Your message to .{1,200} couldn't be delivered", RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    [GeneratedRegex(@"Diagnostic information for administrators:", RegexOptions.IgnoreCase)]
    private static partial Regex Administrators();

    [GeneratedRegex(@"Remote Server returned '([^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex Returned();
}
