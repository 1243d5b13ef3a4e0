namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// One failed recipient a text bounce names, with what the server said about it (null when it said nothing) and a
/// status when the family states one without an SMTP reply.
/// </summary>
public sealed record TextBounceEntry(string Recipient, string? Diagnostic, string? Status = null);
