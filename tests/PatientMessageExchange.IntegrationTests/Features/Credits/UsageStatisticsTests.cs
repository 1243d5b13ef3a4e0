using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Credits;

public sealed class UsageStatisticsTests : IDisposable
{
    private readonly PmxAppFactory _app = new PmxAppFactory().With("Credits:LowBalanceThreshold", "1000");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        await _app.CompleteSetupAsync();

        var response = await _app.CreateBrowserlessClient().GetAsync("/UsageStatistics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Front_desk_sees_usage_and_the_tab_but_no_buy_button()
    {
        var frontDesk = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await frontDesk.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/UsageStatistics\"", html);
        Assert.Contains("data-testid=\"balance-badge\"", html);
        Assert.DoesNotContain("Buy credits</button>", html);
    }

    [Fact]
    public async Task Front_desk_can_not_buy_credits()
    {
        var frontDesk = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await frontDesk.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "1" }, tokenFrom: "/UsageStatistics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditPurchases);
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task An_invoice_refund_takes_the_credits_back_only_below_zero_when_confirmed_and_the_check_agrees()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "2" }, tokenFrom: "/UsageStatistics");
        var purchaseId = await SinglePurchaseIdAsync();
        await admin.PostFormAsync("/UsageStatistics/MarkPaid",
            new Dictionary<string, string> { ["PurchaseId"] = purchaseId.ToString(), ["Reference"] = "CHK-1042" }, tokenFrom: "/UsageStatistics");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(-100, "spent", "spent");
        }

        var unconfirmed = await RefundAsync(admin, purchaseId, "CN-77", allowNegative: false);
        var refusedPage = WebUtility.HtmlDecode(await admin.GetStringAsync("/UsageStatistics"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            Assert.Equal(PurchaseStatus.Completed, (await db.CreditPurchases.SingleAsync()).Status);
            Assert.Equal(4_000, (await db.CreditBalances.SingleAsync()).Available);
            Assert.False(await db.CreditLedgerEntries.AnyAsync(e => e.Kind == CreditEntryKind.Refund));
        }
        var confirmed = await RefundAsync(admin, purchaseId, "CN-77", allowNegative: true);
        var refundedPage = WebUtility.HtmlDecode(await admin.GetStringAsync("/UsageStatistics"));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (unconfirmed.StatusCode, confirmed.StatusCode));
        Assert.Contains("the balance would be -100. Nothing was refunded.", refusedPage);
        Assert.Contains($"Purchase #{purchaseId} is refunded", refundedPage);
        Assert.Contains("data-testid=\"available\">-100<", refundedPage);
        Assert.Contains("Ordered twice by mistake (CN-77)", refundedPage);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            var purchase = await db.CreditPurchases.SingleAsync();
            Assert.Equal((PurchaseStatus.Refunded, "CN-77"), (purchase.Status, purchase.RefundReference));
            Assert.Equal(-4_100, (await db.CreditLedgerEntries.SingleAsync(e => e.Kind == CreditEntryKind.Refund)).Amount);
            Assert.Single(db.AuditEvents, a => a.Action == AuditActions.PurchaseRefunded && a.EntityId == purchaseId.ToString());
            Assert.True((await scope.ServiceProvider.GetRequiredService<CreditIntegrityCheck>().RunAsync()).IsConsistent);
            var report = await scope.ServiceProvider.GetRequiredService<CreditUsageReporter>().BuildAsync();
            Assert.Equal(0, report.Months[^1].Purchased);
        }
    }

    [Fact]
    public async Task A_pending_purchase_can_not_be_refunded_and_nobody_but_an_administrator_refunds()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "1" }, tokenFrom: "/UsageStatistics");
        var purchaseId = await SinglePurchaseIdAsync();

        var byManager = await RefundAsync(manager, purchaseId, "CN-1", allowNegative: true);
        await RefundAsync(admin, purchaseId, "CN-1", allowNegative: true);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/UsageStatistics"));

        Assert.StartsWith("/Account/AccessDenied", byManager.Headers.Location?.PathAndQuery);
        Assert.Contains($"Only a paid purchase can be refunded; purchase #{purchaseId} is pending.", page);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditLedgerEntries);
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient client, int purchaseId, string reference, bool allowNegative) =>
        client.PostFormAsync("/UsageStatistics/Refund", new Dictionary<string, string>
        {
            ["PurchaseId"] = purchaseId.ToString(), ["Reason"] = "Ordered twice by mistake", ["Reference"] = reference,
            ["AllowNegative"] = allowNegative ? "true" : "false",
        }, tokenFrom: "/UsageStatistics");

    [Fact]
    public async Task An_invoiced_purchase_round_trip_adds_credits_when_an_administrator_marks_it_paid()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);

        var bought = await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "2" }, tokenFrom: "/UsageStatistics");
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        var pending = await (await manager.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();
        Assert.Contains("is pending", pending);
        var purchaseId = await SinglePurchaseIdAsync();

        var paid = await admin.PostFormAsync("/UsageStatistics/MarkPaid",
            new Dictionary<string, string> { ["PurchaseId"] = purchaseId.ToString(), ["Reference"] = "CHK-1042" }, tokenFrom: "/UsageStatistics");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);

        var html = await (await manager.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"available\">4,100<", html);
        Assert.Contains("CHK-1042", html);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(PurchaseStatus.Completed, (await db.CreditPurchases.SingleAsync()).Status);
        Assert.Contains(db.AuditEvents, a => a.Action == AuditActions.PurchaseRequested);
        Assert.Contains(db.AuditEvents, a => a.Action == AuditActions.PurchaseCompleted);
    }

    [Fact]
    [Trait("Check", "R20")]
    public async Task Marking_an_invoice_paid_twice_credits_it_once_and_says_so()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "1" }, tokenFrom: "/UsageStatistics");
        var fields = new Dictionary<string, string> { ["PurchaseId"] = (await SinglePurchaseIdAsync()).ToString(), ["Reference"] = "WIRE-7" };

        await admin.PostFormAsync("/UsageStatistics/MarkPaid", fields, tokenFrom: "/UsageStatistics");
        await admin.PostFormAsync("/UsageStatistics/MarkPaid", fields, tokenFrom: "/UsageStatistics");

        var html = await (await admin.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();
        Assert.Contains("already marked paid", html);
        Assert.Contains("data-testid=\"available\">1,500<", html);
    }

    [Fact]
    public async Task An_office_manager_can_not_mark_an_invoice_paid()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "1" }, tokenFrom: "/UsageStatistics");

        var response = await manager.PostFormAsync("/UsageStatistics/MarkPaid",
            new Dictionary<string, string> { ["PurchaseId"] = (await SinglePurchaseIdAsync()).ToString(), ["Reference"] = "X" }, tokenFrom: "/UsageStatistics");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditLedgerEntries);
    }

    [Fact]
    public async Task Buying_a_retired_plan_is_refused_with_a_message()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditPlanCatalog>().SetRetiredAsync(5, true);
        }

        await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "5" }, tokenFrom: "/UsageStatistics");

        var html = await (await manager.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();
        Assert.Contains("Choose one of the plans on offer.", html);
    }

    [Fact]
    public async Task The_page_shows_monthly_figures_usage_by_mode_and_a_low_balance_warning()
    {
        var frontDesk = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var ledger = scope.ServiceProvider.GetRequiredService<CreditLedger>();
            await ledger.Adjust(600, "opening", "opening");
            await ledger.Reserve(1, 8, "campaign:1");
            await ledger.Charge(new CreditShare(1, 1, 3, ContactMode.Text), "m1");
            await ledger.Charge(new CreditShare(2, 1, 5, ContactMode.Phone), "m2");
            await ledger.ChargeInbound(1, false, CreditRates.TextMessage, "i1");
        }

        var html = await (await frontDesk.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"available\">589<", html);
        Assert.Contains("data-testid=\"low-balance\"", html);
        Assert.Contains("id=\"usage-chart-data\"", html);
        Assert.Contains("Text replies received", html);
        Assert.Contains("Phone</th>", html);
        Assert.Contains("/js/usage-chart.js", html);
        Assert.DoesNotContain("data-testid=\"integrity-alert\"", html);
    }

    [Fact]
    public async Task The_page_shows_an_overdraft()
    {
        var frontDesk = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().ChargeInbound(5, false, CreditRates.TextMessage, "i5");
        }

        var html = await (await frontDesk.GetAsync("/UsageStatistics")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"overdraft\"", html);
        Assert.Contains("Overdrawn: -3 credits", html);
    }

    private async Task<int> SinglePurchaseIdAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditPurchases.SingleAsync()).Id;
    }
}
