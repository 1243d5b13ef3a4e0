namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>Everything needed to send a broadcast: who, what, a name for the report, and when (null: now).</summary>
public sealed record BroadcastOrder(BroadcastListRequest List, BroadcastContent Content, string? Name, DateTimeOffset? ScheduledForUtc);
