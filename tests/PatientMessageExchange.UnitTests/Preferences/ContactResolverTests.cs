using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Preferences;

[Trait("Database", "Engine")]
public sealed class ContactResolverTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private int _chart;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Practice_default_applies_when_the_family_expressed_nothing()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Email, "pat@example.com")
            .Own(ContactMode.Text, "+16175550101"));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(PreferenceSource.PracticeDefault, result.Source);
        Assert.Equal([ContactMode.Text, ContactMode.Email], result.Order);
        Assert.Equal([ContactMode.Text, ContactMode.Email], result.Contacts.Select(c => c.Mode));
        Assert.Equal("+16175550101", result.Primary?.Value);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task Expressed_preference_beats_the_practice_default()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Email, "pat@example.com")
            .Own(ContactMode.Text, "+16175550101")
            .Prefers(Need.AppointmentReminder, ContactMode.Email));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(PreferenceSource.Expressed, result.Source);
        Assert.Equal([ContactMode.Email], result.Contacts.Select(c => c.Mode));
    }

    [Fact]
    public async Task An_expressed_preference_for_one_need_leaves_other_needs_on_the_default()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Email, "pat@example.com")
            .Own(ContactMode.Text, "+16175550101")
            .Prefers(Need.Billing, ContactMode.Text));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(PreferenceSource.PracticeDefault, result.Source);
        Assert.Equal(ContactMode.Text, result.Primary?.Mode);
    }

    [Fact]
    public async Task A_changed_practice_default_is_used_at_once()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Email, "pat@example.com")
            .Own(ContactMode.Phone, "+16175550102"));
        await using (var db = _database.CreateContext())
        {
            var row = db.DefaultContactPreferences.Single(d => d.Need == Need.Billing);
            row.Modes = [ContactMode.Phone, ContactMode.Email];
            await db.SaveChangesAsync();
        }

        var result = await ResolveAsync(id, Need.Billing);

        Assert.Equal([ContactMode.Phone, ContactMode.Email], result.Contacts.Select(c => c.Mode));
    }

    [Fact]
    public async Task Falls_back_to_the_next_mode_when_the_first_has_no_contact_point()
    {
        var id = await AddPatientAsync(adult: true, p => p.Own(ContactMode.Email, "pat@example.com"));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(ContactMode.Email, result.Primary?.Mode);
        Assert.Equal(new SkippedContact(ContactMode.Text, SkipReason.Missing), Assert.Single(result.Skipped));
    }

    [Theory]
    [InlineData(ContactPointStatus.Bounced, SkipReason.Bounced)]
    [InlineData(ContactPointStatus.Invalid, SkipReason.Invalid)]
    [InlineData(ContactPointStatus.OptedOut, SkipReason.OptedOut)]
    public async Task A_point_with_a_bad_status_is_skipped_and_the_next_mode_used(ContactPointStatus status, SkipReason expected)
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Text, "+16175550101", status)
            .Own(ContactMode.Email, "pat@example.com"));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(ContactMode.Email, result.Primary?.Mode);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(expected, skipped.Reason);
        Assert.NotNull(skipped.ContactPointId);
    }

    [Fact]
    public async Task A_suppressed_address_is_skipped_on_its_channel_only()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Text, "+16175550101")
            .Own(ContactMode.Phone, "+16175550101"));
        await using (var db = _database.CreateContext())
        {
            db.Suppressions.Add(new Suppression
            {
                Address = "+16175550101", Channel = SuppressionChannel.Sms, Reason = "STOP", CreatedUtc = Now,
            });
            await db.SaveChangesAsync();
        }

        var result = await ResolveAsync(id, Need.AppointmentConfirmation);

        Assert.Equal(ContactMode.Phone, result.Primary?.Mode);
        Assert.Equal(SkipReason.Suppressed, Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public async Task A_do_not_contact_mode_is_skipped_whatever_the_preference_says()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Text, "+16175550101")
            .Own(ContactMode.Email, "pat@example.com")
            .Prefers(Need.AppointmentReminder, ContactMode.Text, ContactMode.Email)
            .Blocks(ContactMode.Text));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(ContactMode.Email, result.Primary?.Mode);
        Assert.Equal(new SkippedContact(ContactMode.Text, SkipReason.DoNotContact), Assert.Single(result.Skipped));
    }

    [Fact]
    public async Task Every_preferred_mode_on_do_not_contact_gives_the_do_not_contact_reason()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Email, "pat@example.com")
            .Blocks(ContactMode.Email));

        var result = await ResolveAsync(id, Need.Billing);

        Assert.False(result.IsReachable);
        Assert.Equal(UnreachableReason.DoNotContact, result.Reason);
    }

    [Fact]
    public async Task A_minor_is_reached_through_guardians_primary_first_and_never_on_their_own_point()
    {
        int primaryPoint = 0;
        var id = await AddPatientAsync(adult: false, p => p
            .Own(ContactMode.Text, "+16175550109")
            .Guardian("Other", primary: false, g => g.Add(ContactMode.Text, "+16175550108"))
            .Guardian("Mom", primary: true, g => g.Add(ContactMode.Text, "+16175550107")));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        await using (var db = _database.CreateContext())
        {
            primaryPoint = db.ContactPoints.Single(c => c.Value == "+16175550107").Id;
        }
        Assert.Equal(["+16175550107", "+16175550108"], result.Contacts.Select(c => c.Value));
        Assert.Equal(primaryPoint, result.Primary?.ContactPointId);
        Assert.All(result.Contacts, c => Assert.NotNull(c.GuardianId));
        Assert.Contains(result.Skipped, s => s.Reason == SkipReason.MinorsOwnContact);
    }

    [Fact]
    public async Task A_minor_with_no_guardian_on_file_is_reached_on_the_charts_own_points()
    {
        var id = await AddPatientAsync(adult: false, p => p.Own(ContactMode.Text, "+16175550109"));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal("+16175550109", result.Primary?.Value);
    }

    [Fact]
    public async Task An_adult_uses_their_own_point_before_a_guardians()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Guardian("Mom", primary: true, g => g.Add(ContactMode.Email, "mom@example.com"))
            .Own(ContactMode.Email, "pat@example.com"));

        var result = await ResolveAsync(id, Need.Billing);

        Assert.Equal(["pat@example.com", "mom@example.com"], result.Contacts.Select(c => c.Value));
    }

    [Fact]
    public async Task An_inactive_patient_is_never_contacted()
    {
        var id = await AddPatientAsync(adult: true, p => p.Own(ContactMode.Email, "pat@example.com").Inactive());

        var result = await ResolveAsync(id, Need.Billing);

        Assert.False(result.IsReachable);
        Assert.Equal(UnreachableReason.Inactive, result.Reason);
    }

    [Fact]
    public async Task A_patient_with_nothing_usable_gets_a_reason_and_the_details()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Text, "+16175550101", ContactPointStatus.Invalid)
            .Own(ContactMode.Email, "pat@example.com", ContactPointStatus.Bounced));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.False(result.IsReachable);
        Assert.Null(result.Primary);
        Assert.Equal(UnreachableReason.AllContactsUnusable, result.Reason);
        Assert.Equal([SkipReason.Invalid, SkipReason.Bounced], result.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public async Task A_patient_with_no_point_of_any_preferred_mode_has_no_contact_on_file()
    {
        var id = await AddPatientAsync(adult: true, p => p.Own(ContactMode.WorkPhone, "+16175550103"));

        var result = await ResolveAsync(id, Need.AppointmentReminder);

        Assert.Equal(UnreachableReason.NoContactOnFile, result.Reason);
    }

    [Fact]
    public async Task An_expressed_empty_order_means_no_preferred_method()
    {
        var id = await AddPatientAsync(adult: true, p => p
            .Own(ContactMode.Email, "pat@example.com")
            .Prefers(Need.GeneralAnnouncement));

        var result = await ResolveAsync(id, Need.GeneralAnnouncement);

        Assert.Equal(PreferenceSource.Expressed, result.Source);
        Assert.Equal(UnreachableReason.NoPreferredMethod, result.Reason);
    }

    [Fact]
    public async Task An_unknown_patient_id_comes_back_as_not_found_in_the_order_asked()
    {
        var id = await AddPatientAsync(adult: true, p => p.Own(ContactMode.Email, "pat@example.com"));
        await using var db = _database.CreateContext();

        var results = await new ContactResolver(db, _clock).ResolveAsync([999_999, id], Need.Billing);

        Assert.Equal(UnreachableReason.NotFound, results[0].Reason);
        Assert.True(results[1].IsReachable);
    }

    [Fact]
    public async Task Resolving_a_thousand_patients_takes_a_fixed_handful_of_queries()
    {
        var ids = new List<int>();
        await using (var db = _database.CreateContext())
        {
            for (var i = 0; i < 1000; i++)
            {
                var patient = NewPatient(adult: i % 2 == 0);
                var guardian = new Guardian { FirstName = "G", LastName = "L", IsPrimary = true };
                patient.Guardians.Add(guardian);
                patient.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Email, Value = $"g{i}@example.com", Guardian = guardian });
                patient.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Text, Value = $"+1617555{i:0000}" });
                db.Patients.Add(patient);
            }
            await db.SaveChangesAsync();
            ids.AddRange(db.Patients.Select(p => p.Id));
        }
        var counter = new CommandCounter();
        await using var counted = _database.CreateContext(counter);

        var results = await new ContactResolver(counted, _clock).ResolveAsync(ids, Need.AppointmentReminder);

        Assert.Equal(1000, results.Count);
        Assert.All(results, r => Assert.True(r.IsReachable));
        Assert.InRange(counter.Count, 1, 5);
    }

    [Fact]
    public async Task An_audience_query_resolves_every_need_for_every_patient()
    {
        var first = await AddPatientAsync(adult: true, p => p.Own(ContactMode.Email, "a@example.com"));
        var second = await AddPatientAsync(adult: true, p => p.Own(ContactMode.Text, "+16175550101"));
        await using var db = _database.CreateContext();

        var results = await new ContactResolver(db, _clock)
            .ResolveAsync(db.Patients.Where(p => p.Id == first || p.Id == second), [Need.Billing, Need.AppointmentReminder]);

        Assert.Equal(4, results.Count);
        Assert.False(results.Single(r => r.PatientId == second && r.Need == Need.Billing).IsReachable);
        Assert.Equal(ContactMode.Text, results.Single(r => r.PatientId == second && r.Need == Need.AppointmentReminder).Primary?.Mode);
    }

    private async Task<ContactResolution> ResolveAsync(int patientId, Need need)
    {
        await using var db = _database.CreateContext();
        return await new ContactResolver(db, _clock).ResolveAsync(patientId, need);
    }

    private async Task<int> AddPatientAsync(bool adult, Action<PatientBuilder> build)
    {
        await using var db = _database.CreateContext();
        var builder = new PatientBuilder(NewPatient(adult), Now);
        build(builder);
        db.Patients.Add(builder.Patient);
        await db.SaveChangesAsync();
        db.ContactPreferences.AddRange(builder.Preferences.Select(p => { p.PatientId = builder.Patient.Id; return p; }));
        db.DoNotContacts.AddRange(builder.Blocked.Select(d => { d.PatientId = builder.Patient.Id; return d; }));
        await db.SaveChangesAsync();
        return builder.Patient.Id;
    }

    private Patient NewPatient(bool adult) => new()
    {
        ChartNumber = $"T{++_chart}",
        FirstName = "Pat",
        LastName = "Test",
        DateOfBirth = adult ? Today.AddYears(-30) : Today.AddYears(-8),
        CreatedUtc = Now,
        UpdatedUtc = Now,
    };
}
