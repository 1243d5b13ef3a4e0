using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.UnitTests.Infrastructure;

/// <summary>A real SQLite file with the model's schema (and its seed rows), deleted when the test class is done.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pmx-unit", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(_folder);
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "pmx.db")}";

    public PmxDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PmxDbContext>().UseSqlite(ConnectionString);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }
        return new PmxDbContext(options.Options);
    }

    public void Dispose()
    {
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
