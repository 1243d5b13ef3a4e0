using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Configuration;

public static class PersistenceSetup
{
    public const string SqliteMigrationsAssembly = "PatientMessageExchange.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "PatientMessageExchange.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "PatientMessageExchange.Migrations.PostgreSql";

    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is SqlServer or PostgreSql " +
                "(set the environment variable Database__ConnectionString).")
            .ValidateOnStart();

        // The options depend only on settings and the data folder, both fixed for the process, so they are built once
        // (optionsLifetime: Singleton) rather than for every request's scope, which re-parsed the connection string
        // and made EF Core look its internal service provider up again on every request.
        builder.Services.AddSingleton<CachingLoggerFactory>(services => new CachingLoggerFactory(services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddDbContext<PmxDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(options, database, services.GetRequiredService<DataFolder>().Path);
            options.UseLoggerFactory(services.GetRequiredService<CachingLoggerFactory>());
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks().AddDbContextCheck<PmxDbContext>("database");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string dataFolder)
    {
        // No EnableRetryOnFailure on the server engines: a retrying strategy refuses the transactions the app opens
        // itself (campaign creation, the ledger, template saves), and blind retries are the wrong tool for writes
        // anyway. Work survives a dropped connection because every job is safe to run again and the sweeper
        // re-enqueues what was left (docs/architecture.md).
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            options.UseSqlServer(database.ConnectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
        }
        else if (database.Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(SqliteConnectionString(database, dataFolder), sqlite => sqlite
                .MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqliteSynchronousInterceptor.Instance);
        }
    }

    public static string SqliteConnectionString(DatabaseOptions database, string dataFolder)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(database.ConnectionString)
                ? $"Data Source={Path.Combine(dataFolder, "pmx.db")}"
                : database.ConnectionString);
        // Concurrent writers wait for the lock instead of failing at once.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
