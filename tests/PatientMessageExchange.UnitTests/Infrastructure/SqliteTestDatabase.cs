using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Tests.Shared;

namespace PatientMessageExchange.UnitTests.Infrastructure;

/// <summary>
/// A real database of its own on the run's engine (a SQLite file, never EF InMemory, or a PostgreSQL database: see
/// <see cref="TestEngine"/>), created from the model with its seed rows, deleted when the test is done.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pmx-unit", Guid.NewGuid().ToString("N"));
    private readonly List<PmxDbContext> _contexts = [];
    private readonly EngineDatabase _database;

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(_folder);
        _database = EngineDatabase.Create(Path.Combine(_folder, "pmx.db"));
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));

    public ContactNormalizer Normalizer { get; } =
        new(Options.Create(new PatientRegistryOptions { DefaultPhoneRegion = "US" }));

    public PmxDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = _database.Configure(new DbContextOptionsBuilder<PmxDbContext>());
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }
        var db = new PmxDbContext(options.Options);
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
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder eventually.
        }
    }
}
