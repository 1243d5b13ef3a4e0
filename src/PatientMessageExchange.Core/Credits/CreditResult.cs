namespace PatientMessageExchange.Core.Credits;

/// <summary>The result of one ledger operation, and the totals right after it (or now, when nothing was written).</summary>
public sealed record CreditResult(CreditOutcome Outcome, long? EntryId, int AvailableAfter, int ReservedAfter)
{
    public bool Succeeded => Outcome is CreditOutcome.Posted or CreditOutcome.Replayed;
}
