namespace PatientMessageExchange.Core.Channels.Email;

/// <summary>What the server said. <see cref="Detail"/> is the reply code and text, for staff; it is never logged.</summary>
public sealed record EmailSendResult(EmailSendOutcome Outcome, string? ProviderMessageId, string? Detail)
{
    public static EmailSendResult Accepted(string? providerMessageId) => new(EmailSendOutcome.Accepted, providerMessageId, null);
}
