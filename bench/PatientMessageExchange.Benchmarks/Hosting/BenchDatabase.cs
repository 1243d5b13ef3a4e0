using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Tests.Shared;

namespace PatientMessageExchange.Benchmarks.Hosting;

/// <summary>
/// A benchmark's database on one engine: a SQLite file in the work folder, or a PostgreSQL database made for it on the
/// cluster named by PMX_TEST_POSTGRES (eng/postgres.sh starts one) and dropped afterwards. Raw baselines open plain
/// connections of the same engine through <see cref="OpenAsync"/>.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTimes = new();

    private BenchDatabase(DatabaseProvider engine, string connectionString)
    {
        Engine = engine;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Engine { get; }

    public string ConnectionString { get; }

    public bool IsPostgreSql => Engine == DatabaseProvider.PostgreSql;

    /// <summary>Why this engine can't be measured here, or null when it can.</summary>
    public static string? Unavailable(DatabaseProvider engine) =>
        engine == DatabaseProvider.PostgreSql && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestEngine.PostgresVariable))
            ? $"no PostgreSQL: start one with `source eng/postgres.sh && pmx_postgres_start` (it sets {TestEngine.PostgresVariable})"
            : null;

    public static BenchDatabase Create(DatabaseProvider engine, string sqliteFile) =>
        engine == DatabaseProvider.PostgreSql
            ? new BenchDatabase(engine, TestEngine.CreatePostgresDatabase())
            : new BenchDatabase(engine, $"Data Source={sqliteFile}");

    public DbContextOptions<PmxDbContext> Options => IsPostgreSql
        ? new DbContextOptionsBuilder<PmxDbContext>().UseNpgsql(ConnectionString).Options
        : new DbContextOptionsBuilder<PmxDbContext>().UseSqlite(ConnectionString).Options;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>A time as this engine's column holds it: a UTC timestamp on PostgreSQL, EF's binary integer on SQLite.</summary>
    public object Time(DateTimeOffset utc) => IsPostgreSql ? utc.ToUniversalTime() : SqliteTimes.ConvertToProvider(utc)!;

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public void Dispose()
    {
        if (IsPostgreSql)
        {
            TestEngine.DropPostgresDatabase(ConnectionString);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
