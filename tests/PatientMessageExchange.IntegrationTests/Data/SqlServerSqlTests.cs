using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.FixRecords;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Reports;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Data;

/// <summary>
/// SQL Server can't run on our machines, so what it would run is checked without it: the migrations script and every
/// statement EF Core generates for the app's main reads and writes are parsed with ScriptDom (SQL Server's own
/// parser), and a query EF Core can't translate for SQL Server fails here. See docs/deployment.md for what this does
/// and does not prove.
/// </summary>
[Trait("Engine", "None")]
public sealed class SqlServerSqlTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_idempotent_migrations_script_parses_as_TSql()
    {
        var capture = new SqlServerCapture();
        using var db = capture.CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("TR_CreditLedgerEntries_AppendOnly", script);
        var errors = TSql.ParseErrors(script);
        Assert.True(errors.Count == 0, "The SQL Server migrations script does not parse:\n" + string.Join("\n", errors));
        output.WriteLine($"{script.Length:N0} characters of T-SQL parsed.");
    }

    [Fact]
    public void The_plain_migrations_script_parses_as_TSql()
    {
        var capture = new SqlServerCapture();
        using var db = capture.CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript();

        var errors = TSql.ParseErrors(script);
        Assert.True(errors.Count == 0, "The SQL Server migrations script does not parse:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void A_syntax_error_is_caught_by_the_parse()
    {
        Assert.NotEmpty(TSql.ParseErrors("CREATE TRIGGER T ON CreditLedgerEntries INSTEAD OF UPDATE AS THROW 50018 'no comma', 1;"));
        Assert.Empty(TSql.ParseErrors("CREATE TRIGGER T ON CreditLedgerEntries INSTEAD OF UPDATE AS THROW 50018, 'ok', 1;"));
    }

    public static TheoryData<string> Operations => new(AppOperations.Keys);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_apps_queries_translate_for_SQL_Server_and_parse(string operation)
    {
        var capture = new SqlServerCapture();
        Exception? failure = null;
        try
        {
            await AppOperations[operation](capture);
        }
        catch (Exception ex)
        {
            // With no rows behind it, an operation may stop early (no practice profile, a missing campaign): that is
            // fine as long as the statements it got to were translated.
            failure = ex;
        }

        Assert.False(failure is InvalidOperationException && failure.Message.Contains("could not be translated", StringComparison.Ordinal),
            $"{operation}: {failure?.Message}");
        Assert.True(capture.Commands.Count > 0, $"{operation} sent no statement ({failure?.GetType().Name}: {failure?.Message})");
        foreach (var sql in capture.Commands)
        {
            var errors = TSql.ParseErrors(sql);
            Assert.True(errors.Count == 0, $"{operation}: the statement does not parse as T-SQL:\n{sql}\n{string.Join("\n", errors)}");
        }
        output.WriteLine($"{operation}: {capture.Commands.Count} statement(s) translated and parsed" +
                         (failure is null ? "." : $"; stopped at {failure.GetType().Name}."));
    }

    private static readonly Dictionary<string, Func<SqlServerCapture, Task>> AppOperations = new()
    {
        ["Messages Sent report"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await new MessagesSentReporter(db).BuildAsync(Period());
        },
        ["Messages Sent detail page"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await new MessagesSentReporter(db).ListAsync(Period(), MessagesSentFilter.None, page: 2);
        },
        ["Messages Sent choices"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await new MessagesSentReporter(db).ChoicesAsync(Period());
        },
        ["Messages Sent inbound replies"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await new MessagesSentReporter(db).ListInboundAsync(Period(), page: 1);
        },
        ["Credit balance"] = async capture =>
        {
            await Ledger(capture).GetBalance();
        },
        ["Credit reservation (conditional update)"] = async capture =>
        {
            await Ledger(capture).Reserve(campaignId: 1, amount: 10, key: "reserve:1");
        },
        ["Credit charge"] = async capture =>
        {
            await Ledger(capture).Charge(new CreditShare(MessageId: 1, CampaignId: 1, Credits: 3, ContactMode.Text), "charge:1");
        },
        ["Credit integrity check"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await new CreditIntegrityCheck(db, Clock(), NullLogger<CreditIntegrityCheck>.Instance).RunAsync();
        },
        ["Usage statistics"] = async capture =>
        {
            await using var db = capture.CreateContext();
            var audit = new AuditLog(db, SystemActor.Instance, Clock());
            await new CreditUsageReporter(db, Ledger(capture), new CreditIntegrityCheck(db, Clock(), NullLogger<CreditIntegrityCheck>.Instance),
                new PracticeDirectory(db, audit), Options.Create(new CreditsOptions()), Clock()).BuildAsync();
        },
        ["Campaign list"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await Campaigns(db, capture).ListAsync(CampaignKind.Personalized, page: 1);
        },
        ["Campaign progress"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await Campaigns(db, capture).GetProgressAsync(1);
        },
        ["Campaign skips and fallbacks"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await Campaigns(db, capture).GetSkipsAsync(1);
            await Campaigns(db, capture).GetFallbacksAsync(1);
        },
        ["Contact resolution"] = async capture =>
        {
            await using var db = capture.CreateContext();
            await new ContactResolver(db, Clock()).ResolveAsync([1, 2, 3], Need.AppointmentReminder);
        },
        ["Patient search"] = async capture =>
        {
            await using var db = capture.CreateContext();
            var audit = new AuditLog(db, SystemActor.Instance, Clock());
            var normalizer = new ContactNormalizer(Options.Create(new PatientRegistryOptions { DefaultPhoneRegion = "US" }));
            await new PatientDirectory(db, audit, normalizer, Clock()).SearchAsync(new PatientSearch("smith"));
        },
        ["Fix records worklist"] = async capture =>
        {
            await using var db = capture.CreateContext();
            var audit = new AuditLog(db, SystemActor.Instance, Clock());
            await new FixRecordsWorklist(db, new ContactResolver(db, Clock()), audit, Clock(), new PracticeDirectory(db, audit))
                .ListAsync(new FixRecordsQuery());
        },
        ["Automated messages due set (filtered rules)"] = async capture =>
        {
            await using var db = capture.CreateContext();
            AutomationRule[] rules =
            [
                new() { Name = "Confirm", Kind = AutomationKind.Confirmation, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 3, SendAtMinutes = 600,
                        AppointmentTypes = "Sick visit\nWell visit", Locations = "Main office", ProviderIds = "1, 2" },
                new() { Name = "Remind", Kind = AutomationKind.Reminder, Timing = AutomationTiming.HoursBefore, HoursBefore = 2 },
            ];
            await new AutomationDueFinder(db).FindAsync(rules, new AutomationSettings(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
                Now, Now.AddHours(24), TimeSpan.FromHours(2));
        },
        ["Automated messages due set (unfiltered rule)"] = async capture =>
        {
            await using var db = capture.CreateContext();
            AutomationRule[] rules = [new() { Name = "Remind", Kind = AutomationKind.Reminder, Timing = AutomationTiming.DaysBeforeAt, DaysBefore = 1, SendAtMinutes = 600 }];
            await new AutomationDueFinder(db).FindAsync(rules, new AutomationSettings(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
                Now, Now, TimeSpan.FromHours(2));
        },
    };

    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock() => new(Now);

    private static ReportPeriod Period() =>
        ReportPeriod.ForPreset(ReportPeriodPreset.ThisMonth, Now, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    private static CreditLedger Ledger(SqlServerCapture capture) =>
        new(capture.Options, SystemActor.Instance, Clock(), NullLogger<CreditLedger>.Instance);

    private static CampaignService Campaigns(PmxDbContext db, SqlServerCapture capture) =>
        new(db, Ledger(capture), new AuditLog(db, SystemActor.Instance, Clock()), Clock(), NullLogger<CampaignService>.Instance);
}
