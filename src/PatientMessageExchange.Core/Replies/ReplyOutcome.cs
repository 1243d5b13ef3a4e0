namespace PatientMessageExchange.Core.Replies;

/// <summary>What a reply did, and the text to answer with (HELP), if any.</summary>
public sealed record ReplyOutcome(InboundKind Kind, bool Duplicate, string? Answer = null, bool Confirmed = false, bool Cancelled = false);
