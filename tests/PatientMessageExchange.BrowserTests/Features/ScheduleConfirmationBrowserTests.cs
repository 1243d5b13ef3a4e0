using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>The whole confirmation loop in the embedded default: schedule, estimate, send, the patient's "C" on the Outbox page.</summary>
public sealed class ScheduleConfirmationBrowserTests : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Mobile = "+16175550501";
    private readonly Chromium _chromium;
    private readonly BrowserAppHost _app = new();

    public ScheduleConfirmationBrowserTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        // Texts wait for the practice's send window; the test may run at any hour.
        _app.With("Dispatch:SendWindowStart", "00:00").With("Dispatch:SendWindowEnd", "23:59:59");
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("frontdesk", Roles.FrontDesk);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var zone = (await scope.ServiceProvider.GetRequiredService<PracticeDirectory>().GetAsync()).TimeZone;
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), zone).DateTime).AddDays(1);
        var patient = new Patient
        {
            ChartNumber = "R1", FirstName = "Rosa", LastName = "Rivera", DateOfBirth = new DateOnly(1990, 3, 4),
            ContactPoints = [new ContactPoint { Mode = ContactMode.Text, Value = Mobile }],
        };
        db.Patients.Add(patient);
        db.Appointments.Add(new Appointment
        {
            Patient = patient, Provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" }, Location = "Main", AppointmentType = "Well visit",
            StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tomorrow.ToDateTime(new TimeOnly(10, 0)), zone)),
        });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(30, "test funding", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Confirm_all_send_then_a_simulated_C_reply_shows_the_appointment_confirmed_by_text_reply()
    {
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("frontdesk", PmxAppFactory.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next day" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rivera" })).ToBeVisibleAsync();
        var scheduleUrl = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm all" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Text" })).ToBeVisibleAsync();
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send 1 confirmation request(s)" });
        await Assertions.Expect(send).ToBeEnabledAsync();
        await send.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Confirmation requests are on their way");

        await page.GetByRole(AriaRole.Link, new() { Name = "Outbox", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Texts", Exact = true }).ClickAsync();
        var reply = page.GetByLabel($"Simulate a reply from {Mobile}");
        for (var attempt = 0; attempt < 60 && await reply.CountAsync() == 0; attempt++)
        {
            // The text goes out from a background job; the page shows it once it is recorded.
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await reply.FillAsync("C");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the appointment is now confirmed");

        await page.GotoAsync(scheduleUrl);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rivera" });
        await Assertions.Expect(row).ToContainTextAsync("Confirmed");
        await Assertions.Expect(row).ToContainTextAsync("Confirmed by text reply");
        Assert.Empty(session.Errors);
    }
}
