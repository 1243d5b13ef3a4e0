using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Reports;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Reports;

[Trait("Database", "Engine")]
public sealed class MessagesSentExporterTests : IDisposable
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly ReportPeriod November =
        ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero), NewYork);
    private static readonly DateTimeOffset MidNovember = new(2026, 11, 15, 15, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task SeedAsync()
    {
        var db = _database.CreateContext();
        var patient = new Patient { ChartNumber = "C1", FirstName = "Avery", LastName = "=HYPERLINK(\"http://evil\")" };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        var history = new ReportHistory(db);
        var campaign = await history.CampaignAsync("@cmd campaign");
        await history.MessageAsync(campaign, ContactMode.Email, MessageStatus.Sent, MidNovember, patientId: patient.Id);
        await history.MessageAsync(campaign, ContactMode.Text, MessageStatus.Delivered, MidNovember.AddMinutes(1), address: "+16175550100");
    }

    private MessagesSentExporter NewExporter(out Core.Data.PmxDbContext db)
    {
        db = _database.CreateContext();
        var audit = new AuditLog(db, SystemActor.Instance, _database.Clock);
        return new MessagesSentExporter(new MessagesSentReporter(db), new PracticeDirectory(db, audit), audit);
    }

    [Fact]
    public async Task R28_WriteCsv_NeutralizesFormulaCells_AndKeepsTheDetailColumns()
    {
        await SeedAsync();
        var exporter = NewExporter(out _);
        await using var output = new MemoryStream();

        var rows = await exporter.WriteCsvAsync(November, MessagesSentFilter.None, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows);
        Assert.Equal(string.Join(",", MessagesSentColumns.Headers), lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\"), Avery\"", lines[1]);
        Assert.Contains("'@cmd campaign", lines[1]);
        Assert.Contains("'+16175550100", lines[2]);
        Assert.StartsWith("2026-11-15 10:00,Email,", lines[1]);
    }

    [Fact]
    public async Task R26_WriteCsv_RecordsAPhiFreeAuditEvent()
    {
        await SeedAsync();
        var exporter = NewExporter(out var db);

        await exporter.WriteCsvAsync(November, new MessagesSentFilter(Mode: ContactMode.Text), Stream.Null);

        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.MessagesSentExported);
        Assert.Equal("CSV export, 2026-11-01..2026-11-30, 1 rows, mode Text", audit.Detail);
        Assert.DoesNotContain("Avery", audit.Detail);
    }

    [Fact]
    public async Task R28_WriteXlsx_HasTheSameColumnsAndNeutralizedCells_AndIsAudited()
    {
        await SeedAsync();
        var exporter = NewExporter(out var db);
        await using var output = new MemoryStream();

        var rows = await exporter.WriteXlsxAsync(November, MessagesSentFilter.None, output);

        output.Position = 0;
        var sheet = output.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows);
        Assert.Equal(MessagesSentColumns.Headers, sheet[0].Keys);
        Assert.Equal("'=HYPERLINK(\"http://evil\"), Avery", sheet[0]["Patient or address"]);
        Assert.Equal("'+16175550100", sheet[1]["Patient or address"]);
        Assert.Equal(3, Convert.ToInt32(sheet[1]["Credits"], System.Globalization.CultureInfo.InvariantCulture));
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.MessagesSentExported);
        Assert.StartsWith("XLSX export, 2026-11-01..2026-11-30, 2 rows", audit.Detail);
    }
}
