using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Preferences;

[Trait("Database", "Engine")]
public sealed class ContactPreferenceBookTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Defaults_are_seeded_for_every_need()
    {
        await using var db = _database.CreateContext();

        var defaults = await Book(db).GetDefaultsAsync();

        Assert.Equal(NeedExtensions.All, defaults.Select(d => d.Need));
        Assert.Equal([ContactMode.Text, ContactMode.Email], defaults.Single(d => d.Need == Need.AppointmentReminder).Modes);
        Assert.Equal([ContactMode.Email], defaults.Single(d => d.Need == Need.Billing).Modes);
    }

    [Fact]
    public async Task SaveDefault_records_who_and_an_audit_event_with_before_and_after()
    {
        await using (var db = _database.CreateContext())
        {
            var result = await Book(db).SaveDefaultAsync(Need.Billing, [ContactMode.Email, ContactMode.Text]);
            Assert.True(result.Succeeded);
        }

        await using var check = _database.CreateContext();
        var row = await check.DefaultContactPreferences.SingleAsync(d => d.Need == Need.Billing);
        Assert.Equal([ContactMode.Email, ContactMode.Text], row.Modes);
        Assert.Equal("system", row.UpdatedBy);
        var audit = await check.AuditEvents.SingleAsync(a => a.Action == AuditActions.DefaultPreferenceChanged);
        Assert.Equal("Billing: Email -> Email,Text", audit.Detail);
    }

    [Fact]
    public async Task SaveDefault_refuses_a_mode_twice_and_changes_nothing()
    {
        await using (var db = _database.CreateContext())
        {
            var result = await Book(db).SaveDefaultAsync(Need.Billing, [ContactMode.Email, ContactMode.Email]);
            Assert.False(result.Succeeded);
            Assert.Equal("Modes", result.Field);
        }

        await using var check = _database.CreateContext();
        Assert.Equal([ContactMode.Email], (await check.DefaultContactPreferences.SingleAsync(d => d.Need == Need.Billing)).Modes);
        Assert.Empty(check.AuditEvents);
    }

    [Fact]
    public async Task A_patient_preference_can_be_set_and_returned_to_the_default_with_an_audit_trail()
    {
        var patientId = await AddPatientAsync();
        await using (var db = _database.CreateContext())
        {
            await Book(db).SavePatientPreferenceAsync(patientId, Need.AppointmentReminder, [ContactMode.Phone]);
            await Book(db).SavePatientPreferenceAsync(patientId, Need.AppointmentReminder, null);
        }

        await using var check = _database.CreateContext();
        Assert.Empty(check.ContactPreferences);
        Assert.Equal(
            ["AppointmentReminder: practice default -> Phone", "AppointmentReminder: Phone -> practice default"],
            await check.AuditEvents.OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
    }

    [Fact]
    public async Task Fallback_counts_exclude_patients_who_expressed_a_preference_and_inactive_charts()
    {
        var first = await AddPatientAsync();
        await AddPatientAsync();
        await AddPatientAsync(active: false);
        await using var db = _database.CreateContext();
        await Book(db).SavePatientPreferenceAsync(first, Need.Billing, [ContactMode.Text]);

        var counts = await Book(db).CountFallbacksAsync();

        Assert.Equal(1, counts[Need.Billing]);
        Assert.Equal(2, counts[Need.AppointmentReminder]);
    }

    [Fact]
    public async Task Do_not_contact_replaces_the_set_of_blocked_modes()
    {
        var patientId = await AddPatientAsync();
        await using (var db = _database.CreateContext())
        {
            await Book(db).SaveDoNotContactAsync(patientId, [ContactMode.Phone, ContactMode.Text]);
            await Book(db).SaveDoNotContactAsync(patientId, [ContactMode.Text]);
        }

        await using var check = _database.CreateContext();
        var preferences = await Book(check).GetForPatientAsync(patientId);
        Assert.Equal([ContactMode.Text], preferences.DoNotContact.Select(d => d.Mode));
    }

    private ContactPreferenceBook Book(PmxDbContext db) =>
        new(db, new AuditLog(db, SystemActor.Instance, _clock), SystemActor.Instance, _clock);

    private async Task<int> AddPatientAsync(bool active = true)
    {
        await using var db = _database.CreateContext();
        var patient = new Patient
        {
            ChartNumber = Guid.NewGuid().ToString("N")[..10], FirstName = "A", LastName = "B", IsActive = active,
            DateOfBirth = new DateOnly(2000, 1, 1),
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
