using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>OpenSMTPD's text notice: "the following list of recipients:", then "address: 550 ..." per line.</summary>
public sealed partial class OpenSmtpdParser : ITextBounceParser
{
    public string Family => "OpenSMTPD";

    public TextBounceResult? Parse(BounceText text)
    {
        if (Delayed().IsMatch(text.Notice))
        {
            return TextBounceResult.Delay(Family);
        }
        var section = text.After(Start());
        return section is null ? null : new TextBounceResult(Family, RecipientBlocks.Read(section, text));
    }

    [GeneratedRegex(@"while attempting to deliver a message for\s+the following list of recipients:|the following list of recipients:", RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    [GeneratedRegex(@"temporarily failed to deliver a message|has not been delivered yet|delivery of the message is delayed", RegexOptions.IgnoreCase)]
    private static partial Regex Delayed();
}
