using System.Text;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Patients.Import;

/// <summary>Appointment rows, read in the practice's default zone (America/New_York) on a SQLite file.</summary>
[Trait("Database", "Engine")]
public sealed class AppointmentCsvImporterTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public AppointmentCsvImporterTests()
    {
        using var db = _database.CreateContext();
        db.Patients.Add(new Patient { ChartNumber = "C-1", FirstName = "Ann", LastName = "Lee", DateOfBirth = new DateOnly(2019, 1, 2) });
        db.SaveChanges();
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task CommitAsync_LocalTime_IsStoredAsUtc()
    {
        var file = Csv("Chart,Start,Provider,Duration", "C-1,2026-07-01 09:30,Dr. Kim,20");

        await _database.CreateAppointmentImporter().CommitAsync(file, false);

        await using var db = _database.CreateContext();
        var appointment = await db.Appointments.SingleAsync();
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 13, 30, 0, TimeSpan.Zero), appointment.StartUtc);
        Assert.Equal(20, appointment.DurationMinutes);
    }

    [Fact]
    public async Task PreviewAsync_TimeInTheSpringForwardGap_IsARowError()
    {
        var file = Csv("Chart,Date,Time,Provider", "C-1,2026-03-08,2:30 AM,Dr. Kim");

        var preview = await _database.CreateAppointmentImporter().PreviewAsync(file);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal((2, "Time"), (issue.Line, issue.Column));
        Assert.Contains("does not exist", issue.Message);
    }

    [Fact]
    public async Task PreviewAsync_NoStartAndNoTime_AsksForStartOrDateAndTime()
    {
        var file = Csv("Chart,Date,Provider", "C-1,2026-07-01,Dr. Kim");

        var preview = await _database.CreateAppointmentImporter().PreviewAsync(file);

        Assert.Equal("Time", Assert.Single(preview.Issues).Column);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("600")]
    [InlineData("half an hour")]
    public async Task PreviewAsync_ImplausibleDuration_IsARowError(string duration)
    {
        var file = Csv("Chart,Start,Provider,Duration", $"C-1,2026-07-01 09:30,Dr. Kim,{duration}");

        var preview = await _database.CreateAppointmentImporter().PreviewAsync(file);

        Assert.Equal("DurationMinutes", Assert.Single(preview.Issues).Column);
    }

    [Theory]
    [InlineData("Canceled", AppointmentStatus.Cancelled)]
    [InlineData("No Show", AppointmentStatus.NoShow)]
    [InlineData("checked out", AppointmentStatus.Completed)]
    [InlineData("Booked", AppointmentStatus.Scheduled)]
    public async Task CommitAsync_StatusSpellings_AreUnderstood(string text, AppointmentStatus expected)
    {
        var file = Csv("Chart,Start,Provider,Status", $"C-1,2026-07-01 09:30,Dr. Kim,{text}");

        await _database.CreateAppointmentImporter().CommitAsync(file, false);

        await using var db = _database.CreateContext();
        Assert.Equal(expected, (await db.Appointments.SingleAsync()).Status);
    }

    [Fact]
    public async Task PreviewAsync_UnknownStatus_IsARowError()
    {
        var file = Csv("Chart,Start,Provider,Status", "C-1,2026-07-01 09:30,Dr. Kim,maybe");

        var preview = await _database.CreateAppointmentImporter().PreviewAsync(file);

        Assert.Equal("Status", Assert.Single(preview.Issues).Column);
    }

    [Fact]
    public async Task PreviewAsync_SameAppointmentIdTwice_ReportsTheLaterLine()
    {
        var file = Csv("ApptId,Chart,Start,Provider", "A-9,C-1,2026-07-01 09:30,Dr. Kim", "A-9,C-1,2026-07-02 09:30,Dr. Kim");

        var preview = await _database.CreateAppointmentImporter().PreviewAsync(file);

        var issue = Assert.Single(preview.Issues);
        Assert.Equal((3, "AppointmentId"), (issue.Line, issue.Column));
    }

    [Fact]
    public async Task CommitAsync_SameAppointmentIdAgain_MovesTheAppointment()
    {
        await _database.CreateAppointmentImporter().CommitAsync(Csv("ApptId,Chart,Start,Provider", "A-9,C-1,2026-07-01 09:30,Dr. Kim"), false);

        var outcome = await _database.CreateAppointmentImporter().CommitAsync(
            Csv("ApptId,Chart,Start,Provider", "A-9,C-1,2026-07-01 11:00,Dr. Kim"), false);

        Assert.Equal((0, 1), (outcome.Created, outcome.Updated));
        await using var db = _database.CreateContext();
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 15, 0, 0, TimeSpan.Zero), (await db.Appointments.SingleAsync()).StartUtc);
    }

    [Fact]
    public async Task CommitAsync_NewProviderName_CreatesTheProviderOnce()
    {
        var file = Csv("Chart,Start,Provider", "C-1,2026-07-01 09:30,Dr. Kim", "C-1,2026-07-02 09:30,dr. kim");

        await _database.CreateAppointmentImporter().CommitAsync(file, false);

        await using var db = _database.CreateContext();
        Assert.Equal("Dr. Kim", (await db.Providers.SingleAsync()).Name);
        Assert.Equal(2, await db.Appointments.CountAsync());
    }

    [Fact]
    public async Task PreviewAsync_ChartNumberInOtherCase_FindsThePatient()
    {
        var file = Csv("Chart,Start,Provider", "c-1,2026-07-01 09:30,Dr. Kim");

        var preview = await _database.CreateAppointmentImporter().PreviewAsync(file);

        Assert.Empty(preview.Issues);
        Assert.Equal(1, preview.ValidRows);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
}
