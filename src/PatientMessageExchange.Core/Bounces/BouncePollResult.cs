namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// One pass over the bounce mailbox. <see cref="Failed"/> reports stayed in the folder for the next run;
/// <see cref="Bounces"/> lists what each recorded report produced, for whoever updates the matched messages.
/// </summary>
public sealed record BouncePollResult(int Processed, int Unclassified, int Failed, int NotBounces,
    IReadOnlyList<BounceOutcome> Bounces);
