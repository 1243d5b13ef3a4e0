namespace PatientMessageExchange.Core.Credits;

/// <summary>The recurring Hangfire job: runs the integrity check; a mismatch is logged as a warning and shows on the pages.</summary>
public class CreditIntegrityJob(CreditIntegrityCheck check)
{
    public const string RecurringJobId = "credit-ledger-integrity";

    public async Task RunAsync(CancellationToken ct) => await check.RunAsync(ct);
}
