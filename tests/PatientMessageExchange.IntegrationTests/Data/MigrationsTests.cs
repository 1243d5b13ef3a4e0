using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Web.Configuration;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Data;

/// <summary>The model and each provider's migrations agree; no server is needed to check or script them.</summary>
[Trait("Engine", "None")]
public class MigrationsTests(ITestOutputHelper output)
{
    private const string SqlServerConnection =
        "Server=localhost;Database=pmx;User Id=sa;Password=x;TrustServerCertificate=True";

    [Fact]
    public void SqlServer_IdempotentScript_CreatesTheCoreTables()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var path = Path.Combine(AppContext.BaseDirectory, "pmx-sqlserver-migrations.sql");
        File.WriteAllText(path, script);
        output.WriteLine($"SQL Server script: {path} ({script.Length:N0} characters)");
        Assert.Contains("CREATE TABLE [Patients]", script);
        Assert.Contains("CREATE TABLE [ContactPoints]", script);
        Assert.Contains("CREATE TABLE [AuditEvents]", script);
        Assert.Contains("IF NOT EXISTS", script);
    }

    [Fact]
    public void SqlServer_Migrations_MatchTheModel()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes that no SQL Server migration covers; add a migration to PatientMessageExchange.Migrations.SqlServer.");
    }

    [Fact]
    public void Sqlite_Migrations_MatchTheModel()
    {
        var options = new DbContextOptionsBuilder<PmxDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(PersistenceSetup.SqliteMigrationsAssembly))
            .Options;
        using var db = new PmxDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes that no SQLite migration covers; add a migration to PatientMessageExchange.Migrations.Sqlite.");
    }

    [Fact]
    public void Sqlite_Migrations_AreTheOnesTheAppApplies()
    {
        var options = new DbContextOptionsBuilder<PmxDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(PersistenceSetup.SqliteMigrationsAssembly))
            .Options;
        using var db = new PmxDbContext(options);

        Assert.NotEmpty(db.Database.GetMigrations());
    }

    private static PmxDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<PmxDbContext>()
            .UseSqlServer(SqlServerConnection, o => o.MigrationsAssembly(PersistenceSetup.SqlServerMigrationsAssembly))
            .Options);
}
