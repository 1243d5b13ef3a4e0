using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// Messages sent last month, printed to PDF by Chromium: the PDF's text (read with Debian's pdftotext) holds the
/// group totals. The app's clock starts in the middle of last month so the campaign really goes out then.
/// </summary>
public sealed class MessagesSentPrintBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset MidLastMonth =
        new(new DateTime(Now.Year, Now.Month, 1, 16, 0, 0, DateTimeKind.Utc).AddMonths(-1).AddDays(14));

    private readonly BrowserAppHost _app = new(MidLastMonth);

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("frontdesk", Roles.FrontDesk);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<CreditLedger>().Adjust(100, "test funding", "test:funding");
            var messages = new List<PlannedMessage>();
            for (var i = 1; i <= 3; i++)
            {
                messages.Add(new PlannedMessage(null, null, null, ContactMode.Email, $"family{i}@example.com", "Reminder", "<p>See you soon.</p>", "en", 0, 1));
            }
            for (var i = 1; i <= 2; i++)
            {
                messages.Add(new PlannedMessage(null, null, null, ContactMode.Text, $"+1617555012{i}", null, "See you soon.", "en", 1, 3));
            }
            var created = await services.GetRequiredService<CampaignFactory>().CreateAsync(new CampaignDraft(
                CampaignKind.Personalized, "Last month's reminders", Need.AppointmentReminder, null, null, null, null, null,
                "test audience", null, messages, []));
            Assert.True(created.Succeeded, created.Refusal);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            if (await db.Campaigns.AllAsync(c => c.Status == CampaignStatus.Completed))
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The campaign did not finish in 60 seconds.");
            await Task.Delay(100);
        }
        _app.Clock.SetUtcNow(Now > _app.Clock.GetUtcNow() ? Now : _app.Clock.GetUtcNow());
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Last_month_printed_to_PDF_holds_the_group_totals()
    {
        await using var session = await BrowserSession.OpenAsync(chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("frontdesk", PmxAppFactory.Password);

        await page.GotoAsync("/MessagesSent");
        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Last month" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("subtotal-Text")).ToHaveTextAsync("2");
        await page.GetByLabel("Show the Text messages").ClickAsync();
        await Assertions.Expect(page.Locator("#messages table")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "Letter", PrintBackground = false });
        var text = await PdfTextAsync(pdf);

        Assert.Contains("Email", text);
        Assert.Contains("Text", text);
        Assert.Matches(@"Text\s+.*2", text);
        Assert.Matches(@"Outbound total\s+.*5", text);
        Assert.Contains("9", text);
        Assert.DoesNotContain("Sign out", text);
        Assert.Empty(session.Errors);
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pmx-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-layout");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException("pdftotext (Debian's poppler-utils) is missing; eng/test.sh installs it.");
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
