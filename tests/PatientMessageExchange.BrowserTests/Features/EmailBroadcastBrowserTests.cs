using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

public sealed class EmailBroadcastBrowserTests : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private readonly BrowserAppHost _app = new();

    public EmailBroadcastBrowserTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("frontdesk", Roles.FrontDesk);
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(40, "test funding", "test:funding");
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        db.Suppressions.Add(new Suppression
        {
            Address = "gone@example.com", Channel = SuppressionChannel.Email, Reason = Unsubscriber.Reason, CreatedUtc = _app.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pasted_addresses_with_duplicates_and_a_suppressed_one_show_the_unique_count_and_the_estimate()
    {
        await using var session = await BrowserSession.OpenAsync(_chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("frontdesk", PmxAppFactory.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Email Broadcast", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New broadcast" }).ClickAsync();
        await page.GetByLabel("Pasted addresses").FillAsync("ann@example.com\nANN@Example.com\nbo@example.com, gone@example.com");

        await Assertions.Expect(page.GetByTestId("estimate-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("estimate-credits")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("estimate-duplicates")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("estimate-available")).ToHaveTextAsync("40");
        var removed = page.GetByTestId("removed-table");
        await Assertions.Expect(removed).ToContainTextAsync("gone@example.com");
        await Assertions.Expect(removed).ToContainTextAsync("Unsubscribed");

        await page.GetByLabel("Pasted addresses").PressSequentiallyAsync(" cy@example.com");

        await Assertions.Expect(page.GetByTestId("estimate-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("estimate-credits")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("balance-badge").First).ToContainTextAsync("40 credits available");
        Assert.Empty(session.Errors);
    }
}
