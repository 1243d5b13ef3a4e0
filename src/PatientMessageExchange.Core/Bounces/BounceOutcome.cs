namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// One bounce row a report produced: the message it came back for (null when not ours or not found), and its kind.
/// <see cref="AlreadyRecorded"/> is true when the report had been processed before and nothing was applied again.
/// </summary>
public sealed record BounceOutcome(long BounceId, long? MessageId, BounceKind Kind, bool TurnedHard, bool AlreadyRecorded)
{
    /// <summary>Hard, or soft that reached the threshold: the message's address is now suppressed.</summary>
    public bool IsPermanent => Kind == BounceKind.Hard || TurnedHard;
}
