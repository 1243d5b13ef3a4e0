using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Benchmarks.Hosting;

/// <summary>A fresh SQLite file with the app's schema, in WAL mode and with the app's synchronous setting.</summary>
public static class BenchSqliteFile
{
    public static async Task<DbContextOptions<PmxDbContext>> CreateAsync(string path, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<PmxDbContext>()
            .UseSqlite($"Data Source={path};Default Timeout=60")
            .AddInterceptors(SqliteSynchronousInterceptor.Instance)
            .Options;
        await using var setup = new PmxDbContext(options);
        await setup.Database.EnsureDeletedAsync(ct);
        await setup.Database.EnsureCreatedAsync(ct);
        await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return options;
    }
}
