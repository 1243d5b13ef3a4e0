using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Practice;

[Trait("Database", "Engine")]
public sealed class PracticeProfileCacheTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly PracticeProfileCache _cache = new();

    public void Dispose() => _database.Dispose();

    private PracticeDirectory Directory()
    {
        var db = _database.CreateContext();
        return new PracticeDirectory(db, new AuditLog(db, SystemActor.Instance, _database.Clock), _cache);
    }

    [Fact]
    public async Task A_saved_profile_is_read_back_at_once_through_the_cache()
    {
        await Directory().SaveAsync("Maple Street Pediatrics", "+16175550100", "12 Maple Street", "America/New_York");
        Assert.Equal("America/New_York", Directory().GetTimeZone().Id);
        Assert.Equal("Maple Street Pediatrics", (await Directory().GetAsync()).Name);

        await Directory().SaveAsync("Oak Street Pediatrics", "+16175550100", "12 Maple Street", "America/Chicago");

        Assert.Equal("America/Chicago", Directory().GetTimeZone().Id);
        Assert.Equal("Oak Street Pediatrics", (await Directory().GetAsync()).Name);
    }

    [Fact]
    public async Task A_practice_without_a_profile_is_not_cached_as_empty()
    {
        Assert.Equal("", (await Directory().GetAsync()).Name);

        // A profile written without the directory (the demo seeder does this on a new practice) is seen at once.
        await using (var db = _database.CreateContext())
        {
            db.PracticeProfiles.Add(new PracticeProfile { Name = "Seeded", TimeZoneId = "America/Denver" });
            await db.SaveChangesAsync();
        }

        Assert.Equal("Seeded", (await Directory().GetAsync()).Name);
        Assert.Equal("America/Denver", Directory().GetTimeZone().Id);
    }

    [Fact]
    public async Task Callers_get_copies_that_do_not_change_the_cache()
    {
        await Directory().SaveAsync("Maple Street Pediatrics", "+16175550100", "12 Maple Street", "America/New_York");
        var first = await Directory().GetAsync();
        first.Name = "changed by a caller";

        Assert.Equal("Maple Street Pediatrics", (await Directory().GetAsync()).Name);
    }

    [Fact]
    public async Task Reads_inside_a_transaction_bypass_the_cache()
    {
        await Directory().SaveAsync("Maple Street Pediatrics", "+16175550100", "12 Maple Street", "America/New_York");
        Assert.Equal("America/New_York", Directory().GetTimeZone().Id);

        var db = _database.CreateContext();
        var directory = new PracticeDirectory(db, new AuditLog(db, SystemActor.Instance, _database.Clock), _cache);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await directory.SaveAsync("Rolled Back", "+16175550100", "12 Maple Street", "America/Chicago");
            Assert.Equal("America/Chicago", directory.GetTimeZone().Id);
            await tx.RollbackAsync();
        }

        Assert.Equal("America/New_York", Directory().GetTimeZone().Id);
        Assert.Equal("Maple Street Pediatrics", (await Directory().GetAsync()).Name);
    }
}
