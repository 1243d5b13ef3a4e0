using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Configuration;

public static class DatabaseStartup
{
    /// <summary>
    /// Migrates the database, makes sure the roles exist, gives an empty template library the starter templates, and with <c>--seed-demo</c> fills an empty database with
    /// demo patients and a week of appointments.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<PmxDbContext>();
        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            await WaitForMigrationsAsync(db, app.Logger);
        }
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while a batch writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (options.MigrateOnStart)
        {
            // Only the process that migrates seeds, so that a web process and a worker starting together can't both
            // find the table empty.
            await services.GetRequiredService<TemplateSeeder>().SeedAsync();
            await services.GetRequiredService<AutomationSeeder>().SeedAsync();
        }

        var seedDemo = args.Contains("--seed-demo") || app.Configuration.GetValue<bool>("Demo:Seed");
        if (seedDemo)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }

    /// <summary>A worker that does not migrate waits for the web service to finish migrating the database.</summary>
    private static async Task WaitForMigrationsAsync(PmxDbContext db, ILogger logger)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                if (!(await db.Database.GetPendingMigrationsAsync()).Any())
                {
                    return;
                }
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline)
            {
                logger.LogInformation("Database not reachable yet ({Error}); waiting", ex.GetType().Name);
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException(
                    "The database still has pending migrations after 5 minutes. Start a process with Database:MigrateOnStart=true.");
            }
            logger.LogInformation("Waiting for the database to be migrated");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
