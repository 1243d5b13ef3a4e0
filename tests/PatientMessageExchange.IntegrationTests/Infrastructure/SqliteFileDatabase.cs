using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>A SQLite file of its own for a test that drives Core services without the web host.</summary>
public sealed class SqliteFileDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pmx-tests", Guid.NewGuid().ToString("N"));
    private readonly List<PmxDbContext> _contexts = [];

    public SqliteFileDatabase()
    {
        Directory.CreateDirectory(_folder);
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public PmxDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PmxDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "pmx.db")}");
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
        SqliteConnection.ClearAllPools();
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
