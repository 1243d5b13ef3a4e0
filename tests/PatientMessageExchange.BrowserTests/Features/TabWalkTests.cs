using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientMessageExchange.BrowserTests.Accessibility;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// Every screen, as every role that may open it: it renders without console errors or CSP violations, has no serious
/// or critical axe-core violation of WCAG 2.1 A/AA, fits a 1024 px window without horizontal scrolling, and is saved as
/// a screenshot at 1280 px (to .test-results/screenshots, and to docs/screenshots when PMX_SCREENSHOTS_TO_DOCS=1).
/// </summary>
public sealed class TabWalkTests(Chromium chromium, WalkApp walk, ITestOutputHelper output)
    : IClassFixture<Chromium>, IClassFixture<WalkApp>
{
    private const int NarrowWidth = 1024;
    private const string PatientPlaceholder = "{patient}";
    private const string WrittenPlaceholder = "{written}";
    private readonly BrowserAppHost _app = walk.App;

    /// <summary>A screen, the least role that may open it, and the screenshot kept of it (by the role named).</summary>
    private static readonly (string Path, string MinimumRole, string ScreenshotRole, string Screenshot)[] Pages =
    [
        ("/Schedule", Roles.FrontDesk, Roles.FrontDesk, "schedule"),
        ("/Patients", Roles.FrontDesk, Roles.FrontDesk, "patients"),
        ($"/Patients/Details/{PatientPlaceholder}", Roles.FrontDesk, Roles.FrontDesk, "patient-details"),
        ("/PersonalizedMessages", Roles.FrontDesk, Roles.FrontDesk, "personalized-messages"),
        ("/PersonalizedMessages/Compose", Roles.FrontDesk, Roles.FrontDesk, "personalized-messages-compose"),
        ($"/PersonalizedMessages/Compose?startFrom={WrittenPlaceholder}", Roles.FrontDesk, Roles.FrontDesk, "personalized-messages-write"),
        ("/EmailBroadcast", Roles.FrontDesk, Roles.FrontDesk, "email-broadcast"),
        ("/EmailBroadcast/New", Roles.FrontDesk, Roles.FrontDesk, "email-broadcast-new"),
        ("/MessagesSent", Roles.FrontDesk, Roles.FrontDesk, "messages-sent"),
        ("/UsageStatistics", Roles.FrontDesk, Roles.OfficeManager, "usage-statistics"),
        ("/ContactPreferences", Roles.FrontDesk, Roles.OfficeManager, "contact-preferences"),
        ("/Templates", Roles.FrontDesk, Roles.FrontDesk, "templates"),
        ("/Templates/Edit", Roles.FrontDesk, Roles.OfficeManager, "template-editor"),
        ("/FixRecords", Roles.FrontDesk, Roles.FrontDesk, "fix-records"),
        ("/FixRecords/Unreachable", Roles.FrontDesk, Roles.FrontDesk, "fix-records-unreachable"),
        ("/Bounces", Roles.FrontDesk, Roles.FrontDesk, "bounces"),
        ("/Outbox", Roles.FrontDesk, Roles.FrontDesk, "outbox"),
        ("/Outbox/Texts", Roles.FrontDesk, Roles.FrontDesk, "outbox-texts"),
        ("/Outbox/Calls", Roles.FrontDesk, Roles.FrontDesk, "outbox-calls"),
        ("/FollowUp", Roles.FrontDesk, Roles.FrontDesk, "follow-up"),
        ("/Cancellations", Roles.FrontDesk, Roles.FrontDesk, "cancellations"),
        ("/Patients/Import", Roles.OfficeManager, Roles.OfficeManager, "import"),
        ("/AutomatedMessages", Roles.OfficeManager, Roles.OfficeManager, "automated-messages"),
        ("/AutomatedMessages/Edit", Roles.OfficeManager, Roles.OfficeManager, "automated-message-rule"),
        ("/Admin/Users", Roles.Administrator, Roles.Administrator, "admin-users"),
        ("/Admin/Practice", Roles.Administrator, Roles.Administrator, "admin-practice"),
        ("/Audit", Roles.Administrator, Roles.Administrator, "audit"),
        ("/CreditAdmin/Plans", Roles.Administrator, Roles.Administrator, "credit-plans"),
        ("/CreditAdmin/Integrity", Roles.Administrator, Roles.Administrator, "credit-integrity"),
        ("/Ehr/Connection", Roles.Administrator, Roles.Administrator, "ehr-connection"),
        ("/Ehr/Sync", Roles.Administrator, Roles.Administrator, "ehr-sync"),
    ];

    /// <summary>Screens whose front-desk view differs enough to keep a screenshot of its own.</summary>
    private static readonly Dictionary<(string Role, string Path), string> ExtraScreenshots = new()
    {
        [(Roles.FrontDesk, "/UsageStatistics")] = "usage-statistics-front-desk",
        [(Roles.FrontDesk, "/ContactPreferences")] = "contact-preferences-read-only",
    };

    public static TheoryData<string, string> Screens()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var role in Roles.All.SkipWhile(r => r != page.MinimumRole))
            {
                data.Add(role, page.Path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_screen_renders_cleanly_passes_axe_and_fits_1024_pixels_for_every_role(string role, string path)
    {
        await using var session = await BrowserSession.OpenAsync(chromium.Browser, _app.BaseAddress);
        await session.SignInAsync(role.ToLowerInvariant(), PmxAppFactory.Password);

        var response = await session.Page.GotoAsync(await ResolveAsync(path));
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(200, response!.Status);
        var violations = await AxeCheck.SeriousViolationsAsync(session.Page);
        if (ScreenshotName(role, path) is { } name)
        {
            await Screenshots.SaveAsync(session.Page, name);
        }
        await session.Page.SetViewportSizeAsync(NarrowWidth, 800);
        var widths = await session.Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        foreach (var violation in violations)
        {
            output.WriteLine(violation);
        }
        Assert.Empty(violations);
        Assert.True(widths[0] <= widths[1],
            $"{path} as {role} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
        Assert.Empty(session.Errors);
    }

    private static string? ScreenshotName(string role, string path) =>
        ExtraScreenshots.TryGetValue((role, path), out var extra) ? extra
        : Pages.Single(p => p.Path == path) is var page && page.ScreenshotRole == role ? page.Screenshot
        : null;

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains(WrittenPlaceholder, StringComparison.Ordinal))
        {
            await using var written = _app.Services.CreateAsyncScope();
            // The message WalkApp wrote earlier: the composer opens with the written-message editor showing.
            var campaignId = await written.ServiceProvider.GetRequiredService<PmxDbContext>().Campaigns
                .Where(c => c.TemplateId == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            return path.Replace(WrittenPlaceholder, campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        if (!path.Contains(PatientPlaceholder, StringComparison.Ordinal))
        {
            return path;
        }
        await using var scope = _app.Services.CreateAsyncScope();
        // A demo patient with a guardian, so the page shows every card it can.
        var id = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Patients
            .Where(p => p.Guardians.Any() && p.Appointments.Any()).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return path.Replace(PatientPlaceholder, id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
