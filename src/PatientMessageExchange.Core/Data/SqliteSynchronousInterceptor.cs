using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PatientMessageExchange.Core.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection. In WAL mode that keeps every commit atomic and
/// the file consistent through a process crash (kill -9 loses nothing that committed); only a power loss can lose the
/// last commits, and then a message and its ledger entry roll back together because they share a transaction. The
/// default (FULL) syncs the disk on every commit, which caps dispatch at a few hundred commits a second.
/// It also sets <c>busy_timeout</c>: a writer that finds the write lock taken waits inside SQLite, which polls every
/// few milliseconds, instead of getting SQLITE_BUSY back and leaving the retry to Microsoft.Data.Sqlite, whose retry
/// loop sleeps much longer between attempts (measured by B1 in docs/benchmarks.md).
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
