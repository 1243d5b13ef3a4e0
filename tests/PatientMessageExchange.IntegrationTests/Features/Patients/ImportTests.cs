using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Patients;

/// <summary>The import screens end to end: upload, preview, commit or not, on a database of each test's own.</summary>
public sealed class ImportTests : IDisposable
{
    // A real export's mess: BOM, ';' separators, CRLF, an address with a comma and a line break in quotes (lines 2-3),
    // a bad phone (line 5) and a bad date (line 6).
    private static readonly string MessyPatients = string.Join("\r\n",
        "Chart #;First Name;Last Name;DOB;Language;Parent First Name;Parent Last Name;Relationship;Email;Cell;Home Address",
        "P-1001;Ava;Muñoz;03/14/2019;Spanish;Lucía;Muñoz;Mother;Lucia.Munoz@Example.com;(617) 555-0101;\"12 Elm St, Apt 4",
        "Springfield\"",
        "P-1002;Ben;O'Neil;2020-07-01;English;Sean;O'Neil;Father;sean@example.org;617-555-0102;\"5 Oak Ave\"",
        "P-1003;Cara;Nguyen;2017-11-30;vi;;;;;555-01;",
        "P-1004;Dev;Patel;31/31/2018;en;;;;dev@example.com;;",
        "P-1005;Eli;Stone;1/2/2016;en;;;;;;") + "\r\n";

    private static readonly string CleanPatients = string.Join("\n",
        "ChartNumber,FirstName,LastName,DateOfBirth,Email,Text",
        "C-1,Ann,Lee,2019-01-02,ann.parent@example.com,(617) 555-0111",
        "C-2,Bo,Ray,2018-03-04,bo.parent@example.com,(617) 555-0112",
        "C-3,Cy,Orr,2017-05-06,,(617) 555-0113") + "\n";

    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Preview_MessyFile_ShowsCountsAndRowIssuesWithLineColumnAndWhy()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var html = await client.PreviewAsync("Patients", Bom(MessyPatients));

        Assert.StartsWith("5 ", ImportClient.TextOf(html, "rows-read"));
        Assert.Contains("“;”", ImportClient.TextOf(html, "rows-read"));
        Assert.StartsWith("3: 3 new patients", ImportClient.TextOf(html, "rows-valid"));
        Assert.Equal("2", ImportClient.TextOf(html, "rows-invalid"));
        var issues = ImportClient.Issues(html);
        Assert.Equal([(5, "Text"), (6, "DateOfBirth")], issues.Select(i => (i.Line, i.Column)));
        Assert.Contains("555-01", issues[0].Why);
        Assert.Contains("31/31/2018", issues[1].Why);
    }

    [Fact]
    public async Task Preview_MessyFile_WritesNothing()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        await client.PreviewAsync("Patients", Bom(MessyPatients));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(0, await db.Patients.CountAsync());
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ImportCommitted));
    }

    [Fact]
    public async Task Preview_NotACsv_ShowsTheMissingColumnsAndOffersNoImport()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var html = await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes("Dear team,\nplease find attached\n"));

        Assert.Contains(ImportClient.Issues(html), i => i.Column == "ChartNumber" && i.Why.Contains("missing"));
        Assert.Contains("Nothing in this file can be imported", html);
        Assert.DoesNotContain("ImportCommit", html);
    }

    [Fact]
    public async Task Commit_CleanFile_WritesAllRowsInOneImport()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var preview = await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes(CleanPatients));

        var notice = await client.CommitAsync(preview, "Patients", validRowsOnly: false);

        Assert.Equal("Imported patients: 3 created, 0 updated.", notice);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(["C-1", "C-2", "C-3"], await db.Patients.OrderBy(p => p.ChartNumber).Select(p => p.ChartNumber).ToListAsync());
        Assert.Equal(5, await db.ContactPoints.CountAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ImportCommitted));
    }

    [Fact]
    public async Task Commit_FileWithBadRows_ImportsNothingByDefault()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var preview = await client.PreviewAsync("Patients", Bom(MessyPatients));

        var problem = await client.CommitAsync(preview, "Patients", validRowsOnly: false);

        Assert.StartsWith("Nothing was imported: 2 problem(s)", problem);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task Commit_ValidRowsOnly_ImportsOnlyTheValidRows()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var preview = await client.PreviewAsync("Patients", Bom(MessyPatients));

        var notice = await client.CommitAsync(preview, "Patients", validRowsOnly: true);

        Assert.Equal("Imported patients: 3 created, 0 updated, 2 invalid row(s) skipped.", notice);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(["P-1001", "P-1002", "P-1005"],
            await db.Patients.OrderBy(p => p.ChartNumber).Select(p => p.ChartNumber).ToListAsync());
        var ava = await db.Patients.Include(p => p.ContactPoints).Include(p => p.Guardians).SingleAsync(p => p.ChartNumber == "P-1001");
        Assert.Equal(("Muñoz", "es", new DateOnly(2019, 3, 14)), (ava.LastName, ava.Language, ava.DateOfBirth));
        Assert.Equal("Lucía", Assert.Single(ava.Guardians).FirstName);
        Assert.Equal(
            [(ContactMode.Email, "lucia.munoz@example.com"), (ContactMode.Text, "+16175550101")],
            ava.ContactPoints.OrderBy(c => c.Mode).Select(c => (c.Mode, c.Value)));
    }

    [Fact]
    public async Task Commit_SameFileAgain_UpdatesByChartNumberWithoutDuplicates()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        await client.CommitAsync(await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes(CleanPatients)), "Patients", false);
        var changed = CleanPatients.Replace("C-2,Bo,Ray", "C-2,Bobby,Ray").Replace("bo.parent@example.com", "ray.family@example.com");

        var preview = await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes(changed));
        var notice = await client.CommitAsync(preview, "Patients", validRowsOnly: false);

        Assert.StartsWith("3: 0 new patients, 3 updates", ImportClient.TextOf(preview, "rows-valid"));
        Assert.Equal("Imported patients: 0 created, 3 updated.", notice);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(3, await db.Patients.CountAsync());
        Assert.Equal(5, await db.ContactPoints.CountAsync());
        var bobby = await db.Patients.Include(p => p.ContactPoints).SingleAsync(p => p.ChartNumber == "C-2");
        Assert.Equal("Bobby", bobby.FirstName);
        Assert.Equal("ray.family@example.com", bobby.ContactPoints.Single(c => c.Mode == ContactMode.Email).Value);
    }

    [Fact]
    public async Task Commit_AppointmentsAfterPatients_AreStoredInUtcFromPracticeTime()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        await client.CommitAsync(await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes(CleanPatients)), "Patients", false);
        var appointments = "Chart;Date;Time;Provider;Location;Type;Status\n" +
                           "C-1;2026-12-01;9:30 AM;Dr. Patel;Main;Well visit;Scheduled\n" +
                           "C-2;12/01/2026;14:15;Dr. Patel;Main;Sick visit;confirmed\n";

        var preview = await client.PreviewAsync("Appointments", Encoding.UTF8.GetBytes(appointments));
        var notice = await client.CommitAsync(preview, "Appointments", validRowsOnly: false);

        Assert.Equal("Imported appointments: 2 created, 0 updated.", notice);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var stored = await db.Appointments.Include(a => a.Patient).Include(a => a.Provider).ToListAsync();
        var first = stored.OrderBy(a => a.StartUtc).First();
        Assert.Equal(("C-1", "Dr. Patel"), (first.Patient!.ChartNumber, first.Provider!.Name));
        // America/New_York is UTC-5 in December.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero), first.StartUtc);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Single(a => a.Patient!.ChartNumber == "C-2").Status);
    }

    [Fact]
    public async Task Preview_AppointmentForUnknownChart_IsARowError()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        await client.CommitAsync(await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes(CleanPatients)), "Patients", false);
        var appointments = "Chart,Start,Provider\n" +
                           "C-1,2026-12-01 09:30,Dr. Patel\n" +
                           "NOPE-9,2026-12-01 10:00,Dr. Patel\n";

        var html = await client.PreviewAsync("Appointments", Encoding.UTF8.GetBytes(appointments));

        var issue = Assert.Single(ImportClient.Issues(html));
        Assert.Equal((3, "ChartNumber"), (issue.Line, issue.Column));
        Assert.Contains("No patient has chart number NOPE-9", issue.Why);
        Assert.StartsWith("1: 1 new appointments", ImportClient.TextOf(html, "rows-valid"));
    }

    [Fact]
    public async Task Commit_SameAppointmentsAgain_UpdatesInsteadOfDuplicating()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        await client.CommitAsync(await client.PreviewAsync("Patients", Encoding.UTF8.GetBytes(CleanPatients)), "Patients", false);
        var appointments = Encoding.UTF8.GetBytes("Chart,Start,Provider\nC-1,2026-12-01 09:30,Dr. Patel\nC-3,2026-12-01 10:00,Dr. Kim\n");
        await client.CommitAsync(await client.PreviewAsync("Appointments", appointments), "Appointments", false);

        var notice = await client.CommitAsync(await client.PreviewAsync("Appointments", appointments), "Appointments", false);

        Assert.Equal("Imported appointments: 0 created, 2 updated.", notice);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Appointments.CountAsync());
    }

    private static byte[] Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
