using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>The outcome of one fallback attempt, and the new message when one was created (or already existed).</summary>
public sealed record FallbackResult(FallbackOutcome Outcome, long? FallbackMessageId = null, ContactMode? Mode = null);
