using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Tests.Shared;

namespace PatientMessageExchange.UnitTests.Infrastructure;

/// <summary>
/// A real database of the run's engine, one per test: a SQLite file in WAL mode with a busy timeout like the app's,
/// or a PostgreSQL database of its own (<see cref="TestEngine"/>).
/// </summary>
public sealed class SqliteFileDatabase : IDisposable
{
    private readonly EngineDatabase _database =
        EngineDatabase.Create(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pmx-unit-{Guid.NewGuid():N}.db"));

    public SqliteFileDatabase()
    {
        Options = _database.Configure(new DbContextOptionsBuilder<PmxDbContext>()).Options;
        using var db = NewContext();
        db.Database.EnsureCreated();
        if (db.Database.IsSqlite())
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    public DbContextOptions<PmxDbContext> Options { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    public PmxDbContext NewContext() => new(Options);

    public CreditLedger NewLedger() =>
        new(Options, SystemActor.Instance, Clock, NullLogger<CreditLedger>.Instance);

    public void Dispose() => _database.Dispose();
}
