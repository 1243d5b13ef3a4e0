using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Credits;

public sealed class CreditAdminTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_plans_are_seeded_with_the_original_products_table()
    {
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();

        var plans = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditPlans.OrderBy(p => p.Id)
            .Select(p => new { p.Credits, p.BonusCredits, p.PriceCents }).ToListAsync();

        Assert.Equal(
            [(1_500, 0, 6_000L), (4_000, 100, 16_000L), (8_000, 400, 32_000L), (16_000, 1_600, 64_000L), (32_000, 4_800, 128_000L)],
            plans.Select(p => (p.Credits, p.BonusCredits, p.PriceCents)));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.OfficeManager)]
    public async Task Only_administrators_open_the_plan_and_ledger_pages(string role)
    {
        var client = await _app.SignInAsRoleAsync(role);

        var plans = await client.GetAsync("/CreditAdmin/Plans");
        var integrity = await client.GetAsync("/CreditAdmin/Integrity");

        Assert.StartsWith("/Account/AccessDenied", plans.Headers.Location?.PathAndQuery);
        Assert.StartsWith("/Account/AccessDenied", integrity.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task An_administrator_edits_a_plan_and_the_edit_is_audited()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await admin.PostFormAsync("/CreditAdmin/SavePlan", new Dictionary<string, string>
        {
            ["Form.Id"] = "1", ["Form.Name"] = "Starter", ["Form.Credits"] = "1600", ["Form.BonusCredits"] = "50", ["Form.Price"] = "64.50",
        }, tokenFrom: "/CreditAdmin/Plans");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var plan = await db.CreditPlans.SingleAsync(p => p.Id == 1);
        Assert.Equal(("Starter", 1_600, 50, 6_450L), (plan.Name, plan.Credits, plan.BonusCredits, plan.PriceCents));
        Assert.Contains(db.AuditEvents, a => a.Action == AuditActions.PlanChanged && a.EntityId == "1");
    }

    [Fact]
    public async Task A_plan_edit_with_a_bad_price_shows_the_error_and_keeps_what_was_typed()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await admin.PostFormAsync("/CreditAdmin/SavePlan", new Dictionary<string, string>
        {
            ["Form.Name"] = "Tiny plan", ["Form.Credits"] = "10", ["Form.BonusCredits"] = "0", ["Form.Price"] = "0",
        }, tokenFrom: "/CreditAdmin/Plans");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a price between", html);
        Assert.Contains("value=\"Tiny plan\"", html);
    }

    [Fact]
    public async Task A_plan_that_was_bought_is_retired_instead_of_deleted()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "4" }, tokenFrom: "/UsageStatistics");

        await admin.PostFormAsync("/CreditAdmin/Remove", new Dictionary<string, string> { ["id"] = "4" }, tokenFrom: "/CreditAdmin/Plans");
        await admin.PostFormAsync("/CreditAdmin/Remove", new Dictionary<string, string> { ["id"] = "5" }, tokenFrom: "/CreditAdmin/Plans");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.True((await db.CreditPlans.SingleAsync(p => p.Id == 4)).IsRetired);
        Assert.False(await db.CreditPlans.AnyAsync(p => p.Id == 5));
    }

    [Fact]
    public async Task Posting_the_same_buy_form_twice_makes_one_purchase()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var page = await (await manager.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(page, "name=\"IdempotencyKey\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var form = new Dictionary<string, string> { ["PlanId"] = "4", ["IdempotencyKey"] = key };

        var first = await manager.PostFormAsync("/UsageStatistics/Buy", form, tokenFrom: "/UsageStatistics");
        var replay = await manager.PostFormAsync("/UsageStatistics/Buy", form, tokenFrom: "/UsageStatistics");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        var notice = await (await manager.GetAsync(replay.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("no second purchase was made", notice);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditPurchases.CountAsync());
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task R18_the_database_refuses_to_update_or_delete_a_ledger_entry_even_bypassing_the_DbContext_guard()
    {
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(100, "opening", "opening");
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();

        // The trigger of the engine's migration refuses it (SQLite RAISE, PostgreSQL RAISE EXCEPTION).
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.CreditLedgerEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Amount, 1_000)));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.CreditLedgerEntries.ExecuteDeleteAsync());
        Assert.Equal(100, (await db.CreditLedgerEntries.SingleAsync()).Amount);
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task R18_a_tampered_balance_raises_the_alert_on_the_ledger_page_and_the_usage_tab()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(100, "opening", "opening");
        }
        var healthy = await (await admin.GetAsync("/CreditAdmin/Integrity")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"integrity-ok\"", healthy);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditBalances
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Available, 9_999));
        }

        var ledgerPage = await (await admin.GetAsync("/CreditAdmin/Integrity")).Content.ReadAsStringAsync();
        var usage = await (await admin.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"integrity-alert\"", ledgerPage);
        Assert.Contains("data-testid=\"integrity-alert\"", usage);
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task An_administrator_grants_and_removes_credits_with_a_reason_as_audited_entries_and_the_check_agrees()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);

        var granted = await PostAdjustmentAsync(admin, "250", "Goodwill after the outage", "t1");
        var doubled = await PostAdjustmentAsync(admin, "250", "Goodwill after the outage", "t1");
        var removed = await PostAdjustmentAsync(admin, "-40", "Test credits given by mistake", "t2");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (granted.StatusCode, doubled.StatusCode, removed.StatusCode));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var entries = await db.CreditLedgerEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(CreditEntryKind.Adjustment, 250, "Goodwill after the outage"), (CreditEntryKind.Adjustment, -40, "Test credits given by mistake")],
            entries.Select(e => (e.Kind, e.Amount, e.Reason)));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.ActorName)));
        Assert.Equal(210, (await db.CreditBalances.SingleAsync()).Available);
        var audits = await db.AuditEvents.Where(a => a.Action == AuditActions.CreditsAdjusted).Select(a => a.Detail).ToListAsync();
        Assert.Equal(["+250 credits: Goodwill after the outage", "-40 credits: Test credits given by mistake"], audits);
        Assert.True((await scope.ServiceProvider.GetRequiredService<CreditIntegrityCheck>().RunAsync()).IsConsistent);
        var page = await admin.GetStringAsync("/CreditAdmin/Integrity");
        Assert.Contains("Goodwill after the outage", page);
        Assert.Contains("integrity-ok", page);
    }

    [Fact]
    public async Task Removing_more_than_is_available_or_giving_no_reason_changes_nothing_and_says_why()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await PostAdjustmentAsync(admin, "30", "opening", "t1");

        var tooMuch = await PostAdjustmentAsync(admin, "-31", "cleanup", "t2");
        var noReason = await PostAdjustmentAsync(admin, "5", "", "t3");
        var zero = await PostAdjustmentAsync(admin, "0", "nothing", "t4");

        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        Assert.Contains("below zero; nothing was changed", WebUtility.HtmlDecode(await tooMuch.Content.ReadAsStringAsync()));
        Assert.Contains("Say why the credits are adjusted.", await noReason.Content.ReadAsStringAsync());
        Assert.Contains("other than zero", await zero.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(1, await db.CreditLedgerEntries.CountAsync());
        Assert.Equal(30, (await db.CreditBalances.SingleAsync()).Available);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.OfficeManager)]
    public async Task Only_administrators_adjust_credits(string role)
    {
        var client = await _app.SignInAsRoleAsync(role);

        var response = await client.PostFormAsync("/CreditAdmin/Adjust",
            new Dictionary<string, string> { ["Form.Amount"] = "100", ["Form.Reason"] = "free", ["Form.Token"] = "x" }, tokenFrom: "/UsageStatistics");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditLedgerEntries);
    }

    private static Task<HttpResponseMessage> PostAdjustmentAsync(HttpClient admin, string amount, string reason, string token) =>
        admin.PostFormAsync("/CreditAdmin/Adjust",
            new Dictionary<string, string> { ["Form.Amount"] = amount, ["Form.Reason"] = reason, ["Form.Token"] = token },
            tokenFrom: "/CreditAdmin/Integrity");

    [Fact]
    public async Task The_integrity_check_is_registered_as_a_recurring_job()
    {
        await _app.CompleteSetupAsync();
        _ = _app.CreateBrowserlessClient();

        var jobs = _app.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs();

        Assert.Contains(jobs, j => j.Id == CreditIntegrityJob.RecurringJobId);
    }
}
