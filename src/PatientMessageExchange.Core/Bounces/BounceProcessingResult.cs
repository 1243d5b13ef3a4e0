namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// What one report produced, committed. The dispatch model reads <see cref="NewBounces"/> to set the status of each
/// matched message (by <see cref="BounceOutcome.MessageId"/>); a report with no bounces was only a delay notice.
/// </summary>
public sealed record BounceProcessingResult(IReadOnlyList<BounceOutcome> Bounces)
{
    public static readonly BounceProcessingResult None = new([]);

    public IEnumerable<BounceOutcome> NewBounces => Bounces.Where(b => !b.AlreadyRecorded);

    public bool HasUnclassified => Bounces.Any(b => b.Kind == BounceKind.Unclassified);
}
