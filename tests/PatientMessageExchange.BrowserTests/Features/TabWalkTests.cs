using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// Every screen, as the roles that use it: it renders without console errors or CSP violations, passes a basic
/// accessibility check, and is saved as a screenshot (to .test-results/screenshots, and to docs/screenshots when
/// PMX_SCREENSHOTS_TO_DOCS=1).
/// </summary>
public sealed class TabWalkTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly BrowserAppHost _app = new();

    public static TheoryData<string, string, string> Screens => new()
    {
        { Roles.FrontDesk, "/Schedule", "schedule" },
        { Roles.FrontDesk, "/Patients", "patients" },
        { Roles.FrontDesk, "/PersonalizedMessages", "personalized-messages" },
        { Roles.FrontDesk, "/PersonalizedMessages/Compose", "personalized-messages-compose" },
        { Roles.FrontDesk, "/UsageStatistics", "usage-statistics-front-desk" },
        { Roles.OfficeManager, "/UsageStatistics", "usage-statistics" },
        { Roles.FrontDesk, "/ContactPreferences", "contact-preferences-read-only" },
        { Roles.OfficeManager, "/ContactPreferences", "contact-preferences" },
        { Roles.FrontDesk, "/Templates", "templates" },
        { Roles.FrontDesk, "/FixRecords", "fix-records" },
        { Roles.FrontDesk, "/Bounces", "bounces" },
        { Roles.FrontDesk, "/Outbox", "outbox" },
        { Roles.FrontDesk, "/Outbox/Texts", "outbox-texts" },
        { Roles.FrontDesk, "/Outbox/Calls", "outbox-calls" },
        { Roles.FrontDesk, "/FollowUp", "follow-up" },
        { Roles.OfficeManager, "/Patients/Import", "import" },
        { Roles.Administrator, "/Admin/Users", "admin-users" },
        { Roles.Administrator, "/Audit", "audit" },
        { Roles.Administrator, "/CreditAdmin/Plans", "credit-plans" },
    };

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        foreach (var role in Roles.All)
        {
            await _app.CreateUserAsync(role.ToLowerInvariant(), role);
        }
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(patientCount: 80);
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(5000, "demo credits", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_screen_renders_cleanly_and_passes_the_basic_accessibility_check(string role, string path, string name)
    {
        await using var session = await BrowserSession.OpenAsync(chromium.Browser, _app.BaseAddress);
        await session.SignInAsync(role.ToLowerInvariant(), PmxAppFactory.Password);

        var response = await session.Page.GotoAsync(path);
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(200, response!.Status);
        var problems = await session.Page.EvaluateAsync<string[]>(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Accessibility", "basic-checks.js")));
        await Screenshots.SaveAsync(session.Page, name);
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }
        Assert.Empty(problems);
        Assert.Empty(session.Errors);
    }
}
