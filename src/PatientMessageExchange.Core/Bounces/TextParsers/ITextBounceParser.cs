namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// Reads the bounces of one family of mail servers that send prose rather than a delivery-status part. It returns
/// null when the message is not from its family, so that the next parser can try (<see cref="TextBounceParsers"/>).
/// </summary>
public interface ITextBounceParser
{
    string Family { get; }

    TextBounceResult? Parse(BounceText text);
}
