namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>A bounced address of a broadcast and, when it came from a chart, the contact point to correct.</summary>
public sealed record BouncedRecipient(long MessageId, string Address, string? Error, int? PatientId, int? ContactPointId);
