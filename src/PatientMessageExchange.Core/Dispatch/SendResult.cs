namespace PatientMessageExchange.Core.Dispatch;

/// <summary>What a channel reported for one message. <see cref="Detail"/> is for staff and is never logged.</summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? Detail, TimeSpan? RetryAfter = null)
{
    public static SendResult Accepted(string? providerMessageId) => new(SendOutcome.Accepted, providerMessageId, null);
}
