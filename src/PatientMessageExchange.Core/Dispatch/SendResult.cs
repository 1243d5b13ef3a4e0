using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// What a channel reported for one message. <see cref="Detail"/> is for staff and is never logged. <see cref="FlagAs"/>
/// overrides the status a refused recipient's contact point gets (an invalid number rather than a bounce).
/// </summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? Detail, TimeSpan? RetryAfter = null,
    ContactPointStatus? FlagAs = null)
{
    public static SendResult Accepted(string? providerMessageId) => new(SendOutcome.Accepted, providerMessageId, null);
}
