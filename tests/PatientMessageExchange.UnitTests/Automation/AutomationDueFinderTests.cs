using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Automation;

/// <summary>
/// The due finder on the run's engine: which (rule, appointment) pairs it finds and what it makes of them. The
/// appointments sit around the end of DST in New York (Sunday, November 1, 2026) so the days-before rules' send times
/// and each rule's own look-ahead are checked across it.
/// </summary>
[Trait("Database", "Engine")]
public sealed class AutomationDueFinderTests : IDisposable
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Monday, November 2, 2026, 10:00 in New York (standard time again): inside the default window (09:00–19:00, Mon–Sat).
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly SqliteFileDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Days_before_rules_find_the_appointments_whose_local_day_is_due_and_decide_by_status()
    {
        await using var seed = await SeedAsync();
        var reminder = seed.Rule(new() { Name = "Remind 1 day", Kind = AutomationKind.Reminder, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 1, SendAtMinutes = 600 });
        var confirmation = seed.Rule(new() { Name = "Confirm 3 days", Kind = AutomationKind.Confirmation, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 3, SendAtMinutes = 600 });
        // Tuesday 09:00 and 23:45 local are due for the reminder (sent Monday 10:00); Wednesday 00:30 is not yet.
        var tuesdayMorning = seed.Appointment(Local(11, 3, 9, 0));
        var tuesdayNight = seed.Appointment(Local(11, 3, 23, 45));
        var wednesday = seed.Appointment(Local(11, 4, 0, 30));
        // Thursday's are due for the 3-day confirmation (sent Monday 10:00).
        var cancelled = seed.Appointment(Local(11, 5, 11, 0), AppointmentStatus.Cancelled);
        var confirmed = seed.Appointment(Local(11, 5, 12, 0), AppointmentStatus.Confirmed);
        var completed = seed.Appointment(Local(11, 5, 13, 0), AppointmentStatus.Completed);
        // Friday's confirmation goes Tuesday.
        var friday = seed.Appointment(Local(11, 6, 9, 0));
        await seed.SaveAsync();

        var found = await FindAsync([reminder, confirmation], Now);

        Assert.Equal(Sorted(
        [
            ("Confirm 3 days", cancelled.Id, AutomatedSkipReason.Cancelled, false),
            ("Confirm 3 days", confirmed.Id, AutomatedSkipReason.AlreadyConfirmed, false),
            ("Confirm 3 days", completed.Id, AutomatedSkipReason.NotScheduled, false),
            ("Confirm 3 days", tuesdayMorning.Id, null, false),
            ("Confirm 3 days", tuesdayNight.Id, null, false),
            ("Confirm 3 days", wednesday.Id, null, false),
            ("Remind 1 day", tuesdayMorning.Id, null, false),
            ("Remind 1 day", tuesdayNight.Id, null, false),
        ]), Describe(found));
        Assert.DoesNotContain(found, d => d.Appointment.Id == friday.Id);
        var sendAt = found.Single(d => d.Rule == reminder && d.Appointment.Id == tuesdayNight.Id).SendAtUtc;
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), sendAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 14, 0, 0, TimeSpan.Zero),
            found.Single(d => d.Rule == confirmation && d.Appointment.Id == tuesdayMorning.Id).SendAtUtc);
        Assert.All(found, d => Assert.Equal(AppointmentStatusOf(d, seed), d.Appointment.Status));
    }

    [Fact]
    public async Task Filters_are_case_insensitive_and_trimmed_and_a_decision_counts_only_for_its_start_time()
    {
        await using var seed = await SeedAsync();
        var second = seed.Provider("Dr. Ruiz");
        var filtered = seed.Rule(new()
        {
            Name = "Sick 48 hours", Kind = AutomationKind.Reminder, Timing = AutomationTiming.HoursBefore, HoursBefore = 48,
            AppointmentTypes = "sick VISIT\nVacunación", Locations = "main office\nAnexo Ñ", ProviderIds = $"{seed.FirstProvider.Id}",
        });
        var any = seed.Rule(new() { Name = "Any 3 hours", Kind = AutomationKind.Reminder, Timing = AutomationTiming.HoursBefore, HoursBefore = 3 });
        var sick = seed.Appointment(Now.AddHours(2), type: " Sick visit ", location: "MAIN OFFICE ");
        var shot = seed.Appointment(Now.AddHours(20), type: "VACUNACIÓN", location: "anexo ñ");
        var well = seed.Appointment(Now.AddHours(21), type: "Well visit");
        var annex = seed.Appointment(Now.AddHours(22), location: "Annex");
        var otherProvider = seed.Appointment(Now.AddHours(23), provider: second);
        var later = seed.Appointment(Now.AddHours(49));
        var decided = seed.Appointment(Now.AddHours(1));
        var rescheduled = seed.Appointment(Now.AddHours(1).AddMinutes(30));
        await seed.SaveAsync();
        seed.Decided(filtered, decided, decided.StartUtc);
        seed.Decided(any, decided, decided.StartUtc);
        // The rescheduled appointment was decided for its earlier time, an hour later than now.
        seed.Decided(any, rescheduled, rescheduled.StartUtc.AddHours(1));
        await seed.SaveAsync();

        var found = await FindAsync([filtered, any], Now);

        Assert.Equal(Sorted(
        [
            ("Any 3 hours", rescheduled.Id, null, false),
            ("Any 3 hours", sick.Id, null, false),
            ("Sick 48 hours", shot.Id, null, false),
            ("Sick 48 hours", sick.Id, null, false),
            ("Sick 48 hours", rescheduled.Id, null, false),
        ]), Describe(found));
        Assert.DoesNotContain(found, d => new[] { well.Id, annex.Id, otherProvider.Id, later.Id, decided.Id }.Contains(d.Appointment.Id));

        // The dry run's look-ahead: by now + 24 h the "any" rule owes everything starting within 27 hours. Tuesday's
        // early appointments (06:00 to 09:00) fall due overnight, and the window opens at 09:00: too late for them.
        var tomorrow = await FindAsync([any], Now, Now.AddHours(24));
        Assert.Equal(Sorted(
        [
            ("Any 3 hours", sick.Id, null, false),
            ("Any 3 hours", rescheduled.Id, null, false),
            ("Any 3 hours", shot.Id, AutomatedSkipReason.TooLate, false),
            ("Any 3 hours", well.Id, AutomatedSkipReason.TooLate, false),
            ("Any 3 hours", annex.Id, AutomatedSkipReason.TooLate, false),
            ("Any 3 hours", otherProvider.Id, AutomatedSkipReason.TooLate, false),
        ]), Describe(tomorrow));
    }

    private async Task<IReadOnlyList<AutomationDecision>> FindAsync(IReadOnlyList<AutomationRule> rules, DateTimeOffset now, DateTimeOffset? until = null)
    {
        await using var db = _database.NewContext();
        return await new AutomationDueFinder(db).FindAsync(rules, new AutomationSettings(), NewYork, now, until ?? now, TimeSpan.FromHours(2));
    }

    private static List<(string Name, int Id, AutomatedSkipReason? Skip, bool Wait)> Describe(IEnumerable<AutomationDecision> found) =>
        Sorted(found.Select(d => (d.Rule.Name, d.Appointment.Id, d.Skip, d.Wait)));

    private static List<(string Name, int Id, AutomatedSkipReason? Skip, bool Wait)> Sorted(
        IEnumerable<(string Name, int Id, AutomatedSkipReason? Skip, bool Wait)> decisions) =>
        decisions.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Id).ToList();

    private static AppointmentStatus AppointmentStatusOf(AutomationDecision d, Seed seed) =>
        seed.Appointments.Single(a => a.Id == d.Appointment.Id).Status;

    private static DateTimeOffset Local(int month, int day, int hour, int minute)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, NewYork), TimeSpan.Zero);
    }

    private async Task<Seed> SeedAsync()
    {
        var db = _database.NewContext();
        var templates = StarterTemplates.Create(Now);
        db.MessageTemplates.AddRange(templates);
        var provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" };
        db.Providers.Add(provider);
        var patient = new Patient
        {
            ChartNumber = "C1", FirstName = "Ana", LastName = "Lopez", DateOfBirth = new DateOnly(2019, 3, 1), CreatedUtc = Now, UpdatedUtc = Now,
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return new Seed(db, templates.First(t => t.VariantOfId == null).Id, provider, patient);
    }

    private sealed class Seed(Core.Data.PmxDbContext db, int templateId, Provider provider, Patient patient) : IAsyncDisposable
    {
        public Provider FirstProvider => provider;

        public List<Appointment> Appointments { get; } = [];

        public AutomationRule Rule(AutomationRule rule)
        {
            rule.TemplateId = templateId;
            rule.IsEnabled = true;
            db.AutomationRules.Add(rule);
            return rule;
        }

        public Provider Provider(string name)
        {
            var added = new Provider { Name = name, SpokenName = name };
            db.Providers.Add(added);
            return added;
        }

        public Appointment Appointment(DateTimeOffset startUtc, AppointmentStatus status = AppointmentStatus.Scheduled,
            string type = "Sick visit", string location = "Main office", Provider? provider = null)
        {
            var appointment = new Appointment
            {
                Patient = patient, Provider = provider ?? FirstProvider, StartUtc = startUtc, Status = status, AppointmentType = type, Location = location,
            };
            db.Appointments.Add(appointment);
            Appointments.Add(appointment);
            return appointment;
        }

        public void Decided(AutomationRule rule, Appointment appointment, DateTimeOffset startUtc) =>
            db.AutomatedSends.Add(new AutomatedSend
            {
                RuleId = rule.Id, AppointmentId = appointment.Id, AppointmentStartUtc = startUtc, PatientId = patient.Id, DecidedUtc = Now.AddDays(-1),
                PracticeDay = new DateOnly(2026, 11, 1), Outcome = AutomatedSendOutcome.Sent, Address = "ana@example.com",
            });

        public Task SaveAsync() => db.SaveChangesAsync();

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }
}
