using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Tests.Shared;

/// <summary>
/// One test's own database on the run's engine (<see cref="TestEngine"/>): a SQLite file (never EF InMemory), or a
/// PostgreSQL database created for it. Disposing it deletes the file or drops the database.
/// </summary>
public sealed class EngineDatabase : IDisposable
{
    private readonly string? _sqliteFile;

    private EngineDatabase(string connectionString, string? sqliteFile)
    {
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public string ConnectionString { get; }

    /// <param name="sqliteFile">Where the SQLite file goes when the run is on SQLite.</param>
    public static EngineDatabase Create(string sqliteFile) =>
        TestEngine.IsPostgreSql
            ? new EngineDatabase(TestEngine.CreatePostgresDatabase(), null)
            : new EngineDatabase(new SqliteConnectionStringBuilder { DataSource = sqliteFile, DefaultTimeout = 30 }.ToString(), sqliteFile);

    public DbContextOptionsBuilder<PmxDbContext> Configure(DbContextOptionsBuilder<PmxDbContext> options) =>
        TestEngine.IsPostgreSql ? options.UseNpgsql(ConnectionString) : options.UseSqlite(ConnectionString);

    public void Dispose()
    {
        if (_sqliteFile is null)
        {
            TestEngine.DropPostgresDatabase(ConnectionString);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // The OS cleans the temp folder eventually.
            }
        }
    }
}
