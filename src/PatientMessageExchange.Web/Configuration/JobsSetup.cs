using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Configuration;

public static class JobsSetup
{
    public static HostingRole GetHostingRole(this IConfiguration configuration) =>
        configuration.GetValue("Hosting:Role", HostingRole.All);

    /// <summary>
    /// Hangfire executes; the database remains the source of truth. In-memory storage in the embedded default,
    /// SQL Server or PostgreSQL storage in production so that several workers share one queue.
    /// </summary>
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration["Database:ConnectionString"];
        // Each app gets a storage instance of its own, registered before AddHangfire (which only adds the global one
        // when none is registered): the DI container owns and disposes it, and two hosts in one process (tests,
        // benchmarks) never share or dispose each other's queue.
        builder.Services.AddSingleton<JobStorage>(_ => provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }),
            DatabaseProvider.PostgreSql => PostgreSqlStorageFor(connectionString),
            _ => new Hangfire.InMemory.InMemoryStorage(),
        });
        builder.Services.AddSingleton<JobActivator>(services =>
            new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (builder.Configuration.GetHostingRole() != HostingRole.Web)
        {
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = builder.Configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
    }

    private static PostgreSqlStorage PostgreSqlStorageFor(string? connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    public static void MapJobsDashboard(this WebApplication app)
    {
        if (app.Configuration.GetHostingRole() == HostingRole.Worker)
        {
            return;
        }
        // Hangfire's own filter only admits local requests; access is decided by our policy instead.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [],
            DashboardTitle = "Patient Message eXchange jobs",
            AppPath = "/Admin/Users",
        }).RequireAuthorization(Policies.Administrators);
    }
}
