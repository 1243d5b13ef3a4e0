using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Tests.Shared;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own on the run's engine (a SQLite file, or a PostgreSQL database: see <see cref="TestEngine"/>)
/// for a test that drives Core services without the web host.
/// </summary>
public sealed class SqliteFileDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pmx-tests", Guid.NewGuid().ToString("N"));
    private readonly List<PmxDbContext> _contexts = [];
    private readonly EngineDatabase _database;

    public SqliteFileDatabase()
    {
        Directory.CreateDirectory(_folder);
        _database = EngineDatabase.Create(Path.Combine(_folder, "pmx.db"));
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

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
