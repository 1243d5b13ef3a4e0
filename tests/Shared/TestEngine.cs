using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Tests.Shared;

/// <summary>
/// The database engine a test run uses. <c>eng/test.sh</c> runs the database-touching suites twice: on SQLite files
/// (the default) and, with <c>PMX_TEST_ENGINE=PostgreSql</c>, on a throwaway PostgreSQL cluster whose administrator
/// connection string is in <c>PMX_TEST_POSTGRES</c>. Each database a test asks for is its own: a SQLite file or a
/// PostgreSQL database created for it and dropped afterwards.
/// </summary>
public static class TestEngine
{
    public const string EngineVariable = "PMX_TEST_ENGINE";
    public const string PostgresVariable = "PMX_TEST_POSTGRES";

    public static DatabaseProvider Provider { get; } =
        Environment.GetEnvironmentVariable(EngineVariable) is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EngineVariable}=PostgreSql needs {PostgresVariable}, the connection string of a PostgreSQL administrator " +
                "(eng/test.sh starts a throwaway cluster and sets both).");

    public const string PostgreSqlMigrationsAssembly = "PatientMessageExchange.Migrations.PostgreSql";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Creates a PostgreSQL database of its own, already migrated (the app's PostgreSQL migrations, ledger trigger
    /// included), and returns its connection string. It is copied from a template this process migrated once, which
    /// takes a fraction of the time migrating each test's database would.
    /// </summary>
    public static string CreatePostgresDatabase() => CreateDatabase($"pmx_{Guid.NewGuid():N}", Template.Value);

    /// <summary>Creates an empty PostgreSQL database of its own and returns its connection string.</summary>
    public static string CreateEmptyPostgresDatabase() => CreateDatabase($"pmx_{Guid.NewGuid():N}", "template0");

    private static string CreateDatabase(string name, string template)
    {
        using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static string CreateTemplate()
    {
        var name = $"pmx_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        var connectionString = CreateDatabase(name, "template0");
        var options = new DbContextOptionsBuilder<PmxDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly))
            .Options;
        using (var db = new PmxDbContext(options))
        {
            db.Database.Migrate();
        }
        // A template may have no open connection while it is copied.
        using (var own = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }
        return name;
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, ending any connection still open on it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        using (var own = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var admin = new NpgsqlConnection(AdminConnectionString);
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
