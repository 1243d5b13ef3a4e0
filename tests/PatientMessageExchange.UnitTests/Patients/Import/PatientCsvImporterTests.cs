using System.Text;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Patients.Import;

[Trait("Database", "Engine")]
public sealed class PatientCsvImporterTests : IDisposable
{
    private const string Header = "Chart #,First Name,Last Name,DOB,Language,Active,Parent First Name,Parent Last Name,Relationship,Email,Cell,Home Phone";

    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task PreviewAsync_CleanFile_CountsNewRowsAndWritesNothing()
    {
        var file = Csv(Header,
            "C100,Ann,Lee,2019-01-02,English,Y,Mary,Lee,Mother,Mary.Lee@Example.com,(617) 555-0123,617-555-0124",
            "C101,Bo,Ray,3/4/2018,es,yes,,,,,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal((2, 2, 2, 0), (preview.TotalRows, preview.ValidRows, preview.NewCount, preview.UpdateCount));
        Assert.Empty(preview.Issues);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task PreviewAsync_PhoneWithAnExtension_IsReportedNotSilentlyShortened()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,617-555-0162 ext. 9,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("extension (9)", issue.Message);
    }

    [Fact]
    public async Task CommitAsync_MoreRowsThanOneBatch_AreAllWrittenInOneTransaction()
    {
        var rows = Enumerable.Range(0, CsvImporter<PatientImportRow>.CommitBatch * 2 + 7)
            .Select(i => $"B{i:D6},Kid{i},Batch,2019-01-02,,,,,,,,");
        var file = Csv([Header, .. rows]);

        var outcome = await _database.CreatePatientImporter().CommitAsync(file, importValidRowsOnly: false);

        Assert.True(outcome.Committed, outcome.Message);
        await using var db = _database.CreateContext();
        Assert.Equal(CsvImporter<PatientImportRow>.CommitBatch * 2 + 7, await db.Patients.CountAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == PatientMessageExchange.Core.Audit.AuditActions.ImportCommitted));
    }

    [Fact]
    public async Task CommitAsync_DuplicateChartNumberInALaterBatch_IsStillCaughtAndNothingIsWritten()
    {
        var rows = Enumerable.Range(0, CsvImporter<PatientImportRow>.CommitBatch + 5)
            .Select(i => $"D{i:D6},Kid{i},Batch,2019-01-02,,,,,,,,")
            .Append("D000000,Again,Batch,2019-01-02,,,,,,,,");
        var file = Csv([Header, .. rows]);
        var importer = _database.CreatePatientImporter();

        var preview = await importer.PreviewAsync(file);
        var refused = await importer.CommitAsync(file, importValidRowsOnly: false);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal((CsvImporter<PatientImportRow>.CommitBatch + 7, "Chart number D000000 already appears on line 2."),
            (issue.Line, issue.Message));
        Assert.False(refused.Committed);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task PreviewAsync_EveryRowWrong_ListsTheFirstProblemsByLineAndCountsThemAll()
    {
        var rows = Enumerable.Range(0, CsvImporter<PatientImportRow>.IssueLimit + 500)
            .Select(i => $"E{i:D6},Kid{i},Wrong,not-a-date,,,,,,,,");
        var file = Csv([Header, .. rows]);

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal(CsvImporter<PatientImportRow>.IssueLimit + 500, preview.IssueCount);
        Assert.Equal(CsvImporter<PatientImportRow>.IssueLimit, preview.Issues.Count);
        Assert.Equal(Enumerable.Range(2, CsvImporter<PatientImportRow>.IssueLimit), preview.Issues.Select(i => i.Line));
        Assert.Equal(0, preview.ValidRows);
    }

    [Fact]
    public async Task PreviewAsync_BadDate_ReportsLineColumnAndWhy()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-13-45,,,,,,,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal((2, "DateOfBirth"), (issue.Line, issue.Column));
        Assert.Contains("\"2019-13-45\" is not a date", issue.Message);
    }

    [Fact]
    public async Task PreviewAsync_BirthDateInTheFuture_IsImplausible()
    {
        var file = Csv(Header, "C100,Ann,Lee,2030-01-01,,,,,,,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Contains("not a plausible date of birth", Assert.Single(preview.Issues).Message);
    }

    [Fact]
    public async Task PreviewAsync_BadPhone_ReportsTheContactColumn()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,555-01,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal((2, "Text"), (issue.Line, issue.Column));
    }

    [Fact]
    public async Task PreviewAsync_BadEmail_ReportsTheEmailColumn()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,mary at example.com,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal("Email", Assert.Single(preview.Issues).Column);
    }

    [Fact]
    public async Task PreviewAsync_MissingRequiredValues_ReportsEachColumn()
    {
        var file = Csv(Header, ",Ann,,2019-01-02,,,,,,,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal(["ChartNumber", "LastName"], preview.Issues.Select(i => i.Column));
        Assert.Equal(0, preview.ValidRows);
    }

    [Fact]
    public async Task PreviewAsync_UnknownLanguageAndFlag_AreRowIssues()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,Klingon,maybe,,,,,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal(["Language", "Active"], preview.Issues.Select(i => i.Column));
    }

    [Fact]
    public async Task PreviewAsync_DuplicateChartNumberInFile_ReportsTheLaterLine()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,,", "c100,Annie,Lee,2019-01-02,,,,,,,,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal((3, "ChartNumber"), (issue.Line, issue.Column));
        Assert.Contains("line 2", issue.Message);
    }

    [Fact]
    public async Task PreviewAsync_MissingRequiredColumn_MakesTheFileUnreadable()
    {
        var file = Csv("Chart,First,Last", "C100,Ann,Lee");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.True(preview.IsUnreadable);
        Assert.Equal("DateOfBirth", Assert.Single(preview.Issues).Column);
    }

    [Fact]
    public async Task PreviewAsync_IssuesAreSortedByLine()
    {
        var file = Csv(Header,
            "C100,Ann,Lee,bad,,,,,,,,",
            "C101,Bo,Ray,2019-01-01,,,,,,,,",
            "C102,Cy,Orr,2019-01-01,,,,,,,x,");

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal([2, 4], preview.Issues.Select(i => i.Line));
    }

    [Fact]
    public async Task CommitAsync_CleanFile_StoresNormalizedContactsAndGuardian()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,Spanish,Y,Mary,Lee,Mother,Mary.Lee@Example.com,(617) 555-0123,");

        var outcome = await _database.CreatePatientImporter().CommitAsync(file, importValidRowsOnly: false);

        Assert.True(outcome.Committed);
        await using var db = _database.CreateContext();
        var patient = await db.Patients.Include(p => p.ContactPoints).Include(p => p.Guardians).SingleAsync();
        Assert.Equal(("Ann", "Lee", new DateOnly(2019, 1, 2), "es"), (patient.FirstName, patient.LastName, patient.DateOfBirth, patient.Language));
        var guardian = Assert.Single(patient.Guardians);
        Assert.True(guardian.IsPrimary);
        Assert.Equal(
            [(ContactMode.Email, "mary.lee@example.com"), (ContactMode.Text, "+16175550123")],
            patient.ContactPoints.OrderBy(c => c.Mode).Select(c => (c.Mode, c.Value)));
        Assert.All(patient.ContactPoints, c => Assert.Equal(guardian.Id, c.GuardianId));
    }

    [Fact]
    public async Task CommitAsync_FileWithABadRow_ImportsNothingByDefault()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,,", "C101,Bo,Ray,not a date,,,,,,,,");

        var outcome = await _database.CreatePatientImporter().CommitAsync(file, importValidRowsOnly: false);

        Assert.False(outcome.Committed);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task CommitAsync_ValidRowsOnly_ImportsTheGoodRowsAndCountsTheSkipped()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,,", "C101,Bo,Ray,not a date,,,,,,,,");

        var outcome = await _database.CreatePatientImporter().CommitAsync(file, importValidRowsOnly: true);

        Assert.Equal((true, 1, 0, 1), (outcome.Committed, outcome.Created, outcome.Updated, outcome.SkippedRows));
        await using var db = _database.CreateContext();
        Assert.Equal("C100", (await db.Patients.SingleAsync()).ChartNumber);
    }

    [Fact]
    public async Task CommitAsync_SameFileTwice_UpdatesInsteadOfDuplicating()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,Mary,Lee,Mother,mary@example.com,(617) 555-0123,");
        await _database.CreatePatientImporter().CommitAsync(file, importValidRowsOnly: false);

        var outcome = await _database.CreatePatientImporter().CommitAsync(file, importValidRowsOnly: false);

        Assert.Equal((0, 1), (outcome.Created, outcome.Updated));
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Patients.CountAsync());
        Assert.Equal(1, await db.Guardians.CountAsync());
        Assert.Equal(2, await db.ContactPoints.CountAsync());
    }

    [Fact]
    public async Task CommitAsync_ChangedRow_UpdatesTheFieldsAndReplacesTheContact()
    {
        await _database.CreatePatientImporter().CommitAsync(
            Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,old@example.com,(617) 555-0123,"), false);

        await _database.CreatePatientImporter().CommitAsync(
            Csv(Header, "C100,Annabel,Lee,2019-01-03,,,,,,new@example.com,(617) 555-0123,"), false);

        await using var db = _database.CreateContext();
        var patient = await db.Patients.Include(p => p.ContactPoints).SingleAsync();
        Assert.Equal(("Annabel", new DateOnly(2019, 1, 3)), (patient.FirstName, patient.DateOfBirth));
        Assert.Equal("new@example.com", patient.ContactPoints.Single(c => c.Mode == ContactMode.Email).Value);
    }

    [Fact]
    public async Task CommitAsync_EmptyContactCell_RemovesThatContactMode()
    {
        await _database.CreatePatientImporter().CommitAsync(
            Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,ann@example.com,(617) 555-0123,"), false);

        await _database.CreatePatientImporter().CommitAsync(
            Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,(617) 555-0123,"), false);

        await using var db = _database.CreateContext();
        Assert.Equal([ContactMode.Text], await db.ContactPoints.Select(c => c.Mode).ToListAsync());
    }

    [Fact]
    public async Task CommitAsync_AbsentContactColumn_LeavesThatContactAlone()
    {
        await _database.CreatePatientImporter().CommitAsync(
            Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,ann@example.com,,"), false);

        await _database.CreatePatientImporter().CommitAsync(Csv("Chart,First,Last,DOB", "C100,Ann,Lee,2019-01-02"), false);

        await using var db = _database.CreateContext();
        Assert.Equal("ann@example.com", (await db.ContactPoints.SingleAsync()).Value);
    }

    [Fact]
    public async Task CommitAsync_WritesOneImportAuditEvent()
    {
        await _database.CreatePatientImporter().CommitAsync(Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,,"), false);

        await using var db = _database.CreateContext();
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal(("import.committed", "Patients"), (audit.Action, audit.EntityType));
    }

    [Fact]
    public async Task PreviewAsync_AfterACommit_CountsTheRowsAsUpdates()
    {
        var file = Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,,", "C101,Bo,Ray,2019-01-02,,,,,,,,");
        await _database.CreatePatientImporter().CommitAsync(Csv(Header, "C100,Ann,Lee,2019-01-02,,,,,,,,"), false);

        var preview = await _database.CreatePatientImporter().PreviewAsync(file);

        Assert.Equal((1, 1), (preview.NewCount, preview.UpdateCount));
    }

    [Fact]
    public async Task CommitAsync_ChartNumberInOtherCase_UpdatesTheSamePatient()
    {
        await _database.CreatePatientImporter().CommitAsync(Csv(Header, "AB100,Ann,Lee,2019-01-02,,,,,,,,"), false);

        var outcome = await _database.CreatePatientImporter().CommitAsync(Csv(Header, "ab100,Annie,Lee,2019-01-02,,,,,,,,"), false);

        Assert.Equal((0, 1), (outcome.Created, outcome.Updated));
        await using var db = _database.CreateContext();
        Assert.Equal("Annie", (await db.Patients.SingleAsync()).FirstName);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
}
