using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>What an office manager and an administrator do in a browser: buy credits by invoice, mark it paid, and
/// change a practice default.</summary>
public sealed class ManagerWalkBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly BrowserAppHost _app = new();

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync("admin");
        await _app.CreateUserAsync("manager", Roles.OfficeManager);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_office_manager_buys_credits_by_invoice_and_the_administrator_marks_it_paid()
    {
        await using (var manager = await BrowserSession.OpenAsync(chromium.Browser, _app.BaseAddress))
        {
            var page = manager.Page;
            page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await manager.SignInAsync("manager", PmxAppFactory.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "Usage Statistics" }).ClickAsync();
            await page.GetByLabel("1,500 credits", new() { Exact = false }).First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Buy credits" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Pending").First).ToBeVisibleAsync();
            Assert.Empty(manager.Errors);
        }

        await using var admin = await BrowserSession.OpenAsync(chromium.Browser, _app.BaseAddress);
        await admin.SignInAsync("admin", PmxAppFactory.Password);
        await admin.Page.GotoAsync("/UsageStatistics");
        await admin.Page.GetByPlaceholder("Payment reference").First.FillAsync("CHK-1001");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).First.ClickAsync();

        await Assertions.Expect(admin.Page.GetByText("Completed").First).ToBeVisibleAsync();
        await Assertions.Expect(admin.Page.GetByText("1,500 credits available")).ToBeVisibleAsync();
        Assert.Empty(admin.Errors);
    }

    [Fact]
    public async Task An_office_manager_changes_the_practice_default_for_billing()
    {
        await using var session = await BrowserSession.OpenAsync(chromium.Browser, _app.BaseAddress);
        var page = session.Page;
        await session.SignInAsync("manager", PmxAppFactory.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Contact Preferences" }).ClickAsync();

        await page.GetByLabel("Billing: position of Text").SelectOptionAsync("2");
        await page.Locator("#need-Billing").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("Billing: position of Text")).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByLabel("Billing: position of Email")).ToHaveValueAsync("1");
        Assert.Empty(session.Errors);
    }
}
