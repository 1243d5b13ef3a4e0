using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>Makes every transaction commit fail, as a lost database connection would at the worst moment.</summary>
public sealed class FailingCommitInterceptor : DbTransactionInterceptor
{
    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction,
        TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Simulated failure to commit.");

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result) =>
        throw new InvalidOperationException("Simulated failure to commit.");
}
