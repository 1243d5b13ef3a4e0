using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Channels.Outbox;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

public sealed class PersonalizedMessagesBrowserTests : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private readonly BrowserAppHost _app = new();

    public PersonalizedMessagesBrowserTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("frontdesk", Roles.FrontDesk);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var zone = (await scope.ServiceProvider.GetRequiredService<PracticeDirectory>().GetAsync()).TimeZone;
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), zone).DateTime).AddDays(1);
        var provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" };
        for (var i = 1; i <= 3; i++)
        {
            var patient = new Patient
            {
                ChartNumber = $"W{i}", FirstName = $"Kid{i}", LastName = "Walker", DateOfBirth = new DateOnly(2018, 1, i),
                ContactPoints = [new ContactPoint { Mode = ContactMode.Email, Value = $"walker{i}@example.com" }],
            };
            db.Patients.Add(patient);
            db.Appointments.Add(new Appointment
            {
                Patient = patient, Provider = provider, Location = "Main", AppointmentType = "Well visit",
                StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tomorrow.ToDateTime(new TimeOnly(9 + i, 0)), zone)),
            });
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(50, "test funding", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Front_desk_composes_watches_the_estimate_change_sends_and_sees_it_finish()
    {
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("frontdesk", PmxAppFactory.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Personalized Messages" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New message", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#estimate-total")).ToHaveTextAsync("3");

        await page.GetByLabel("A hand-picked list").CheckAsync();
        await page.GetByLabel("Chart numbers").FillAsync("W1, W3");
        await page.GetByLabel("Chart numbers").BlurAsync();
        await Assertions.Expect(page.Locator("#estimate-total")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#estimate-balance")).ToHaveTextAsync("50");

        // Issue 21.5: Send asks first, naming the messages and credits; saying no sends nothing.
        var questions = new List<string>();
        var accept = false;
        page.Dialog += (_, dialog) =>
        {
            questions.Add(dialog.Message);
            _ = accept ? dialog.AcceptAsync() : dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.Equal(["Send 2 messages for 2 credits? The credits are reserved now."], questions);
        await Assertions.Expect(page.Locator("#estimate-balance")).ToHaveTextAsync("50");
        Assert.Contains("/PersonalizedMessages/Compose", page.Url);

        accept = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress-state")).ToContainTextAsync("Done.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#count-sent")).ToHaveTextAsync("2");
        Assert.Empty(session.Errors);
    }

    /// <summary>
    /// Issue 21.3: the front desk writes a message with a merge field, previews it for a real patient with the text's
    /// segment count, sends it through the usual confirmation into the outbox, and finds it offered again.
    /// </summary>
    [Fact]
    public async Task Front_desk_writes_a_message_previews_it_sends_it_and_finds_it_offered_again()
    {
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("frontdesk", PmxAppFactory.Password);
        await page.GotoAsync("/PersonalizedMessages/Compose");

        await page.GetByLabel("Write a new message").CheckAsync();
        await page.GetByLabel("Email subject").FillAsync("Reminder for {{ patient.first_name }}");
        await page.GetByLabel("Email body (HTML)").FillAsync("<p>See you tomorrow, {{ patient.first_name }}.</p>");
        await page.GetByLabel("Text message").FillAsync("Hi {{ patient.first_name }}, see you tomorrow.");
        await page.GetByLabel("Preview for a patient (chart number or name)").FillAsync("W1");
        await page.Locator("#patient-choices button", new() { HasText = "Walker, Kid1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview-subject")).ToHaveTextAsync("Reminder for Kid1");
        await Assertions.Expect(page.Locator("#preview-sms")).ToHaveTextAsync("Hi Kid1, see you tomorrow.");
        await Assertions.Expect(page.Locator("#preview-sms-count")).ToContainTextAsync("1 segment");

        await page.GetByLabel("A hand-picked list").CheckAsync();
        await page.GetByLabel("Chart numbers").FillAsync("W1, W3");
        await page.GetByLabel("Chart numbers").BlurAsync();
        await Assertions.Expect(page.Locator("#estimate-total")).ToHaveTextAsync("2");
        var questions = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            questions.Add(dialog.Message);
            _ = dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#progress-state")).ToContainTextAsync("Done.", new() { Timeout = 30_000 });
        Assert.Equal(["Send 2 messages for 2 credits? The credits are reserved now."], questions);
        var subjects = new List<string>();
        foreach (var file in OutboxEmailTransport.List(Path.Combine(_app.DataFolder, "outbox")))
        {
            subjects.Add((await MimeMessage.LoadAsync(file.FullName)).Subject ?? "");
        }
        Assert.Equal(["Reminder for Kid1", "Reminder for Kid3"], subjects.Order());

        await page.GotoAsync("/PersonalizedMessages/Compose");
        var earlier = page.Locator("#earlier-messages .written-message").First;
        await Assertions.Expect(earlier).ToContainTextAsync("Reminder for {{ patient.first_name }}");
        await Assertions.Expect(earlier).ToContainTextAsync("by frontdesk");
        await earlier.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Write a new message")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Email subject")).ToHaveValueAsync("Reminder for {{ patient.first_name }}");
        await Assertions.Expect(page.GetByLabel("Text message")).ToHaveValueAsync("Hi {{ patient.first_name }}, see you tomorrow.");
        Assert.Empty(session.Errors);
    }
}
