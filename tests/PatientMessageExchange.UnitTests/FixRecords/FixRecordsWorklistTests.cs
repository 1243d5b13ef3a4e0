using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.FixRecords;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.FixRecords;

public sealed class FixRecordsWorklistTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_valid_point_whose_address_is_suppressed_is_listed_until_reviewed()
    {
        int pointId;
        await using (var db = _database.CreateContext())
        {
            var patient = new Patient { ChartNumber = "S1", FirstName = "Sam", LastName = "Stop", DateOfBirth = new DateOnly(1990, 1, 1) };
            patient.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Text, Value = "+16175550150" });
            db.Patients.Add(patient);
            db.Suppressions.Add(new Suppression
            {
                Address = "+16175550150", Channel = SuppressionChannel.Sms, Reason = "Replied STOP", CreatedUtc = _clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            pointId = patient.ContactPoints[0].Id;
        }

        await using (var db = _database.CreateContext())
        {
            var item = Assert.Single((await Worklist(db).ListAsync(new FixRecordsQuery())).Items);
            Assert.Equal(FixReason.Suppressed, item.Reason);
            Assert.Equal("Replied STOP", item.Detail);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = _database.CreateContext())
        {
            Assert.True((await Worklist(db).MarkReviewedAsync(pointId)).Succeeded);
        }
        await using (var db = _database.CreateContext())
        {
            Assert.Empty((await Worklist(db).ListAsync(new FixRecordsQuery())).Items);
        }
    }

    [Fact]
    public async Task The_date_filter_keeps_rows_whose_problem_started_within_the_range()
    {
        await using (var db = _database.CreateContext())
        {
            var patient = new Patient { ChartNumber = "D1", FirstName = "Dee", LastName = "Date", DateOfBirth = new DateOnly(1990, 1, 1) };
            patient.ContactPoints.Add(new ContactPoint
            {
                Mode = ContactMode.Email, Value = "old@example.com", Status = ContactPointStatus.Bounced,
                StatusChangedUtc = _clock.GetUtcNow().AddDays(-30),
            });
            patient.ContactPoints.Add(new ContactPoint
            {
                Mode = ContactMode.Email, Value = "new@example.com", Status = ContactPointStatus.Bounced,
                StatusChangedUtc = _clock.GetUtcNow(),
            });
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
        }
        await using var check = _database.CreateContext();

        var recent = await Worklist(check).ListAsync(new FixRecordsQuery(From: new DateOnly(2026, 11, 20)));

        Assert.Equal("new@example.com", Assert.Single(recent.Items).Value);
    }

    private FixRecordsWorklist Worklist(PmxDbContext db) =>
        new(db, new ContactResolver(db, _clock), new AuditLog(db, SystemActor.Instance, _clock), _clock,
            new PracticeDirectory(db, new AuditLog(db, SystemActor.Instance, _clock)));
}
