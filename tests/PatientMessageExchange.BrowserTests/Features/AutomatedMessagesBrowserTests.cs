using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// An office manager creates an automated-message rule and sees its dry run; a family confirms and then cancels from a
/// confirmation email's link, without signing in.
/// </summary>
public sealed class AutomatedMessagesBrowserTests : IClassFixture<Chromium>, IAsyncLifetime
{
    // Tuesday, November 10, 2026, 10:00 in New York: inside the default delivery window.
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 15, 0, 0, TimeSpan.Zero);
    private readonly Chromium _chromium;
    private readonly BrowserAppHost _app = new(Now);
    private int _appointmentId;

    public AutomatedMessagesBrowserTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("manager", Roles.OfficeManager);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var patient = new Patient
        {
            ChartNumber = "A1", FirstName = "Rosa", LastName = "Rivera", DateOfBirth = new DateOnly(2019, 3, 4),
            ContactPoints = [new ContactPoint { Mode = ContactMode.Email, Value = "rivera@example.com" }],
        };
        var appointment = new Appointment
        {
            Patient = patient, Provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" }, Location = "Main office",
            AppointmentType = "Sick visit", StartUtc = Now.AddHours(28),
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        _appointmentId = appointment.Id;
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_manager_creates_a_rule_and_sees_its_dry_run()
    {
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("manager", PmxAppFactory.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Automation", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New rule" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Sick visits, 30 hours before");
        await page.GetByLabel("Sends").SelectOptionAsync("Reminder");
        await page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = "Appointment reminder" });
        await page.GetByLabel("Hours before the appointment").CheckAsync();
        await page.GetByLabel("Hours before", new() { Exact = true }).FillAsync("30");
        await page.GetByLabel("Appointment types (one per line; empty for any)").FillAsync("Sick visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Rule \"Sick visits, 30 hours before\" saved (disabled).")).ToBeVisibleAsync();
        var preview = page.GetByTestId("rule-preview").Filter(new() { HasText = "Sick visits, 30 hours before" });
        await Assertions.Expect(preview.GetByTestId("dry-run-summary")).ToContainTextAsync("1 message(s), 1 credits");
        await Assertions.Expect(preview).ToContainTextAsync("Rivera, Rosa");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_family_confirms_and_then_cancels_from_the_email_link()
    {
        var link = await ConfirmationLinkAsync();
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rosa's appointment" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("appointment-response")).Not.ToContainTextAsync("Rivera");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the appointment is confirmed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the appointment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The appointment is cancelled");

        await using var scope = _app.Services.CreateAsyncScope();
        var appointment = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Appointments.AsNoTracking()
            .SingleAsync(a => a.Id == _appointmentId);
        Assert.Equal((AppointmentStatus.Cancelled, EmailResponder.How), (appointment.Status, appointment.CancelledBy));
        Assert.Empty(session.Errors);
    }

    /// <summary>
    /// A confirmation campaign's email message for the family, and the link its email carries (the integration tests
    /// read the same link out of the email received over SMTP).
    /// </summary>
    private async Task<string> ConfirmationLinkAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var campaign = new Campaign
        {
            Kind = CampaignKind.Confirmation, Name = "Confirmations", AudienceDescription = "test", Status = CampaignStatus.Completed,
            CreatedUtc = Now,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var batch = new DispatchBatch { CampaignId = campaign.Id, Channel = Channel.Email, Status = BatchStatus.Done };
        db.DispatchBatches.Add(batch);
        await db.SaveChangesAsync();
        var appointment = await db.Appointments.SingleAsync(a => a.Id == _appointmentId);
        var message = new Message
        {
            CampaignId = campaign.Id, BatchId = batch.Id, PatientId = appointment.PatientId, AppointmentId = appointment.Id, Mode = ContactMode.Email,
            Channel = Channel.Email, Address = "rivera@example.com", Subject = "Please confirm", Body = "<p>Please confirm</p>",
            Status = MessageStatus.Sent, CreatedUtc = Now, SentUtc = Now, Cost = 1,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        var url = new Uri(scope.ServiceProvider.GetRequiredService<AppointmentResponseLinks>().Url(message));
        return url.PathAndQuery;
    }
}
