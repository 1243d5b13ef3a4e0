using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.UnitTests.Infrastructure;

/// <summary>A real SQLite database in a temporary file (WAL, with a busy timeout like the app's), one per test.</summary>
public sealed class SqliteFileDatabase : IDisposable
{
    public SqliteFileDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pmx-unit-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 30 }.ToString();
        Options = new DbContextOptionsBuilder<PmxDbContext>().UseSqlite(connection).Options;
        using var db = NewContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public string Path { get; }

    public DbContextOptions<PmxDbContext> Options { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    public PmxDbContext NewContext() => new(Options);

    public CreditLedger NewLedger() =>
        new(Options, SystemActor.Instance, Clock, NullLogger<CreditLedger>.Instance);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
