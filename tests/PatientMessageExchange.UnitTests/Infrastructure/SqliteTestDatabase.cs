using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.UnitTests.Infrastructure;

/// <summary>A real SQLite file of its own for one test (never EF InMemory), created from the model.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pmx-unit-{Guid.NewGuid():N}.db");
    private readonly List<PmxDbContext> _contexts = [];

    public SqliteTestDatabase()
    {
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));

    public ContactNormalizer Normalizer { get; } =
        new(Options.Create(new PatientRegistryOptions { DefaultPhoneRegion = "US" }));

    public PmxDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PmxDbContext>()
            .UseSqlite($"Data Source={_path}")
            .Options;
        var db = new PmxDbContext(options);
        _contexts.Add(db);
        return db;
    }

    public PatientCsvImporter CreatePatientImporter()
    {
        var db = CreateContext();
        return new PatientCsvImporter(db, new AuditLog(db, SystemActor.Instance, Clock), Normalizer, Clock);
    }

    public AppointmentCsvImporter CreateAppointmentImporter()
    {
        var db = CreateContext();
        var audit = new AuditLog(db, SystemActor.Instance, Clock);
        return new AppointmentCsvImporter(db, audit, new PracticeDirectory(db, audit));
    }

    public void Dispose()
    {
        foreach (var db in _contexts)
        {
            db.Dispose();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
