using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Configuration;

public static class DatabaseStartup
{
    /// <summary>
    /// Migrates the database, makes sure the roles exist, and with <c>--seed-demo</c> fills an empty database with
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

        var seedDemo = args.Contains("--seed-demo") || app.Configuration.GetValue<bool>("Demo:Seed");
        if (seedDemo)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }
}
