namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// What a reply did, and the text to answer with (HELP), if any. <see cref="Passed"/>: a confirmation or cancellation
/// that came after the appointment had started, so nothing was changed.
/// </summary>
public sealed record ReplyOutcome(InboundKind Kind, bool Duplicate, string? Answer = null, bool Confirmed = false, bool Cancelled = false,
    bool Passed = false);
