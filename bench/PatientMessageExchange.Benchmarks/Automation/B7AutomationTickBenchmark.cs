using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PatientMessageExchange.Benchmarks.Hosting;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Benchmarks.Automation;

/// <summary>
/// B7: the part of an automated-messages scheduler tick that grows with the schedule — finding the due set of 4 rules
/// over 100,000 future appointments (<see cref="AutomationDueFinder"/>: timing, filters, decisions already made,
/// status and window) — against a hand-written SQL query per rule that finds the same undecided appointments in the
/// rule's lead window (NOT EXISTS on the decisions), with the same DST-aware send time computed on the rows it returns.
/// Planning and sending what is due scale with the due messages, not the schedule, and are measured by B4 and B1.
/// </summary>
public sealed class B7AutomationTickBenchmark : IBenchmark
{
    // Tuesday, November 10, 2026, 10:00 in New York.
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly string[] Types = ["Well visit", "Sick visit", "Immunization", "Follow-up"];
    private const double Target = 2.0;
    private static readonly DateTimeOffsetToBinaryConverter SqliteTimes = new();

    public string Name => "B7";

    public string Description => "Automated messages: the due set of 4 rules over the future schedule (SQLite)";

    public async Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var appointments = options.Quick ? 10_000 : 100_000;
        var workload = $"4 rules, {appointments:N0} future appointments over 90 days, SQLite";
        using var database = BenchDatabase.Create(Core.Data.DatabaseProvider.Sqlite, Path.Combine(options.WorkFolder, "b7.db"));
        var seeding = Stopwatch.StartNew();
        var rules = await SeedAsync(database.Options, appointments, ct);
        seeding.Stop();
        var settings = new AutomationSettings();
        var lead = TimeSpan.FromHours(2);

        var ours = 0;
        var oursTime = await Stopwatches.MedianAsync(options.Repetitions, async () =>
        {
            await using var db = new PmxDbContext(database.Options);
            ours = (await new AutomationDueFinder(db).FindAsync(rules, settings, NewYork, Now, Now, lead, ct)).Count;
        });
        var baseline = 0;
        var baselineTime = await Stopwatches.MedianAsync(options.Repetitions, async () => baseline = await HandWrittenAsync(database, rules, ct));

        var note = (ours == baseline ? "same due set" : $"DUE SETS DIFFER: ours {ours} vs sql {baseline}") +
                   $"; {ours:N0} due; seeded in {seeding.Elapsed.TotalSeconds:N0} s";
        return new BenchmarkResult(Name, workload, oursTime, baselineTime, Target, note);
    }

    private static async Task<int> HandWrittenAsync(BenchDatabase database, IReadOnlyList<AutomationRule> rules, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var due = 0;
        foreach (var rule in rules)
        {
            await using var command = connection.CreateCommand();
            var types = rule.AppointmentTypeList;
            command.CommandText =
                """SELECT a."StartUtc" FROM "Appointments" a WHERE a."StartUtc" > @now AND a."StartUtc" <= @horizon """ +
                (types.Count > 0 ? """AND a."AppointmentType" IN (""" + string.Join(",", types.Select((_, i) => $"@t{i}")) + ") " : "") +
                """AND NOT EXISTS (SELECT 1 FROM "AutomatedSends" s WHERE s."RuleId" = @rule AND s."AppointmentId" = a."Id" AND s."AppointmentStartUtc" = a."StartUtc")""";
            BenchDatabase.AddParameter(command, "@now", database.Time(Now));
            BenchDatabase.AddParameter(command, "@horizon", database.Time(Now + rule.MaxLead));
            BenchDatabase.AddParameter(command, "@rule", rule.Id);
            for (var i = 0; i < types.Count; i++)
            {
                BenchDatabase.AddParameter(command, $"@t{i}", types[i]);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var start = (DateTimeOffset)SqliteTimes.ConvertFromProvider(reader.GetInt64(0))!;
                if (rule.SendAtUtc(start, NewYork) <= Now)
                {
                    due++;
                }
            }
        }
        return due;
    }

    private static async Task<IReadOnlyList<AutomationRule>> SeedAsync(DbContextOptions<PmxDbContext> options, int count, CancellationToken ct)
    {
        await using var db = new PmxDbContext(options);
        await db.Database.EnsureCreatedAsync(ct);
        var templates = StarterTemplates.Create(Now);
        db.MessageTemplates.AddRange(templates);
        var provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" };
        db.Providers.Add(provider);
        await db.SaveChangesAsync(ct);
        var template = templates.First(t => t.VariantOfId == null).Id;
        AutomationRule[] rules =
        [
            new() { Name = "Confirm 3 days", Kind = AutomationKind.Confirmation, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 3, SendAtMinutes = 600, TemplateId = template, IsEnabled = true },
            new() { Name = "Remind 1 day", Kind = AutomationKind.Reminder, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 1, SendAtMinutes = 600, TemplateId = template, IsEnabled = true },
            new() { Name = "Sick 2 hours", Kind = AutomationKind.Reminder, Timing = AutomationTiming.HoursBefore, HoursBefore = 2, AppointmentTypes = "Sick visit", TemplateId = template, IsEnabled = true },
            new() { Name = "Shots 7 days", Kind = AutomationKind.Reminder, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 7, SendAtMinutes = 540, AppointmentTypes = "Immunization", TemplateId = template, IsEnabled = true },
        ];
        db.AutomationRules.AddRange(rules);
        var patients = Enumerable.Range(0, count / 5).Select(i => new Patient
        {
            ChartNumber = $"C{i:D7}", FirstName = "Pat", LastName = $"Family{i}", DateOfBirth = new DateOnly(2018, 1, 1), CreatedUtc = Now, UpdatedUtc = Now,
        }).ToList();
        await BulkInserter.InsertAsync(db, patients, ct);
        await db.SaveChangesAsync(ct);
        var patientIds = await db.Patients.Select(p => p.Id).ToListAsync(ct);
        var random = new Random(17);
        var span = TimeSpan.FromDays(90).TotalMinutes;
        await BulkInserter.InsertAsync(db, Enumerable.Range(0, count).Select(i => new Appointment
        {
            PatientId = patientIds[i % patientIds.Count], ProviderId = provider.Id, Location = "Main office", AppointmentType = Types[i % Types.Length],
            // Quarter-hour slots from 1 hour ahead to 90 days ahead.
            StartUtc = Now.AddMinutes(60 + Math.Floor(random.NextDouble() * span / 15) * 15),
        }), ct);
        // A run already decided the 3-day confirmations of the next 2 days.
        var decided = await db.Appointments.Where(a => a.StartUtc <= Now.AddDays(2)).Select(a => new { a.Id, a.PatientId, a.StartUtc }).ToListAsync(ct);
        await BulkInserter.InsertAsync(db, decided.Select(a => new AutomatedSend
        {
            RuleId = rules[0].Id, AppointmentId = a.Id, AppointmentStartUtc = a.StartUtc, PatientId = a.PatientId, DecidedUtc = Now.AddDays(-1),
            PracticeDay = new DateOnly(2026, 11, 9), Outcome = AutomatedSendOutcome.Sent, Address = "x@example.com",
        }), ct);
        return rules;
    }
}
