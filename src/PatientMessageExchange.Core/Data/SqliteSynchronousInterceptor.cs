using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// <para>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite pools and hands out again on every
/// <c>Open</c> (EF Core opens and closes once per query), so it is set once per native handle, not on every open.
/// </para>
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteSynchronousInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>Native connections that already have the setting; entries go when the pool lets a handle go.</summary>
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsApplied(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkApplied(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!IsApplied(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkApplied(connection);
        }
    }

    private static bool IsApplied(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _);

    private static void MarkApplied(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
