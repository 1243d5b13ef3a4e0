using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Credits;

public sealed class StripeCheckoutTests : IDisposable
{
    private const string WebhookSecret = "whsec_test_pmx_0123456789";

    private readonly FakeStripeApi _stripe = new();
    private readonly PmxAppFactory _app;

    public StripeCheckoutTests()
    {
        _app = new PmxAppFactory()
            .With("Payments:Provider", "Stripe")
            .With("Stripe:SecretKey", "sk_test_pmx_fake")
            .With("Stripe:WebhookSecret", WebhookSecret)
            .With("Stripe:ApiBase", _stripe.BaseUrl);
    }

    public void Dispose()
    {
        _app.Dispose();
        _stripe.Dispose();
    }

    [Fact]
    public async Task Buying_sends_the_manager_to_the_hosted_checkout_page_and_leaves_the_purchase_pending()
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var response = await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = "3" }, tokenFrom: "/UsageStatistics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FakeStripeApi.CheckoutUrl("cs_test_1"), response.Headers.Location?.OriginalString);
        var request = Assert.Single(_stripe.Requests, r => r.Path == "/v1/checkout/sessions");
        Assert.Equal("Bearer sk_test_pmx_fake", request.Authorization);
        var form = System.Web.HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("32000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("usd", form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", form["client_reference_id"]);
        var purchase = await SinglePurchaseAsync();
        Assert.Equal((PurchaseStatus.Pending, "Stripe", "cs_test_1"), (purchase.Status, purchase.Gateway, purchase.ExternalReference));
    }

    [Fact]
    public async Task A_signed_completion_webhook_posts_credits_and_bonus_once_however_often_it_arrives()
    {
        var purchaseId = await BuyPlanAsync(2);
        var payload = CompletedEvent(purchaseId, "cs_test_1");

        var first = await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow()));
        var again = await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow()));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(PurchaseStatus.Completed, (await db.CreditPurchases.SingleAsync()).Status);
        Assert.Equal(4_100, (await db.CreditBalances.SingleAsync()).Available);
        Assert.Equal(2, await db.CreditLedgerEntries.CountAsync(e => e.PurchaseId == purchaseId));
    }

    [Fact]
    [Trait("Check", "R18")]
    public async Task An_administrator_refunds_a_card_purchase_through_Stripe_and_its_credits_are_taken_back_once()
    {
        var purchaseId = await BuyPlanAsync(2);
        var payload = CompletedEvent(purchaseId, "cs_test_1");
        await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow()));
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);

        var refunded = await RefundAsync(admin, purchaseId);
        var again = await RefundAsync(admin, purchaseId);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (refunded.StatusCode, again.StatusCode));
        var request = Assert.Single(_stripe.Requests, r => r.Method == "POST" && r.Path == "/v1/refunds");
        Assert.Equal(FakeStripeApi.PaymentIntentOf("cs_test_1"), System.Web.HttpUtility.ParseQueryString(request.Body)["payment_intent"]);
        Assert.Contains(_stripe.Requests, r => r.Method == "GET" && r.Path == "/v1/checkout/sessions/cs_test_1");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var purchase = await db.CreditPurchases.SingleAsync();
        Assert.Equal((PurchaseStatus.Refunded, "re_test_1"), (purchase.Status, purchase.RefundReference));
        Assert.Equal(0, (await db.CreditBalances.SingleAsync()).Available);
        Assert.Equal(-4_100, (await db.CreditLedgerEntries.SingleAsync(e => e.Kind == CreditEntryKind.Refund)).Amount);
        Assert.True((await scope.ServiceProvider.GetRequiredService<CreditIntegrityCheck>().RunAsync()).IsConsistent);
    }

    [Fact]
    public async Task A_refund_Stripe_refuses_changes_nothing()
    {
        var purchaseId = await BuyPlanAsync(1);
        var payload = CompletedEvent(purchaseId, "cs_test_1");
        await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow()));
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        _stripe.RefuseRefunds = true;

        await RefundAsync(admin, purchaseId);
        var page = await admin.GetStringAsync("/UsageStatistics");

        Assert.Contains("Stripe did not refund the payment, so nothing changed.", page);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(PurchaseStatus.Completed, (await db.CreditPurchases.SingleAsync()).Status);
        Assert.Equal(1_500, (await db.CreditBalances.SingleAsync()).Available);
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient admin, int purchaseId) =>
        admin.PostFormAsync("/UsageStatistics/Refund", new Dictionary<string, string>
        {
            ["PurchaseId"] = purchaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Customer cancelled",
        }, tokenFrom: "/UsageStatistics");

    [Fact]
    public async Task A_webhook_with_a_wrong_signature_is_rejected_and_changes_nothing()
    {
        var purchaseId = await BuyPlanAsync(1);
        var payload = CompletedEvent(purchaseId, "cs_test_1");

        var response = await PostWebhookAsync(payload, StripeSignature.Header(payload, "whsec_someone_else", _app.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingCreditedAsync();
    }

    [Fact]
    public async Task An_unsigned_webhook_is_rejected_and_changes_nothing()
    {
        var purchaseId = await BuyPlanAsync(1);

        var response = await PostWebhookAsync(CompletedEvent(purchaseId, "cs_test_1"), signature: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingCreditedAsync();
    }

    [Fact]
    public async Task A_webhook_signed_long_ago_is_rejected_as_a_replay()
    {
        var purchaseId = await BuyPlanAsync(1);
        var payload = CompletedEvent(purchaseId, "cs_test_1");

        var response = await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow().AddHours(-1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingCreditedAsync();
    }

    [Fact]
    public async Task A_signed_event_for_another_checkout_session_completes_nothing()
    {
        var purchaseId = await BuyPlanAsync(1);
        var payload = CompletedEvent(purchaseId, "cs_test_forged");

        var response = await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingCreditedAsync();
    }

    [Fact]
    public async Task An_expired_checkout_session_fails_the_purchase()
    {
        var purchaseId = await BuyPlanAsync(1);
        var payload = Event("checkout.session.expired", purchaseId, "cs_test_1", "unpaid");

        var response = await PostWebhookAsync(payload, StripeSignature.Header(payload, WebhookSecret, _app.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PurchaseStatus.Failed, (await SinglePurchaseAsync()).Status);
    }

    private async Task<int> BuyPlanAsync(int planId)
    {
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var response = await manager.PostFormAsync("/UsageStatistics/Buy", new Dictionary<string, string> { ["PlanId"] = planId.ToString() }, tokenFrom: "/UsageStatistics");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await SinglePurchaseAsync()).Id;
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string payload, string? signature)
    {
        var client = _app.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }
        return await client.SendAsync(request);
    }

    private async Task<CreditPurchase> SinglePurchaseAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PmxDbContext>().CreditPurchases.AsNoTracking().SingleAsync();
    }

    private async Task AssertNothingCreditedAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal(PurchaseStatus.Pending, (await db.CreditPurchases.SingleAsync()).Status);
        Assert.Empty(db.CreditLedgerEntries);
        Assert.Equal(0, (await db.CreditBalances.SingleAsync()).Available);
    }

    private string CompletedEvent(int purchaseId, string sessionId) =>
        Event("checkout.session.completed", purchaseId, sessionId, "paid");

    private string Event(string type, int purchaseId, string sessionId, string paymentStatus) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = "2024-06-20",
            ["created"] = _app.Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new Dictionary<string, object>
            {
                ["object"] = new Dictionary<string, object>
                {
                    ["id"] = sessionId,
                    ["object"] = "checkout.session",
                    ["mode"] = "payment",
                    ["status"] = "complete",
                    ["payment_status"] = paymentStatus,
                    ["client_reference_id"] = purchaseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["metadata"] = new Dictionary<string, string> { ["purchase_id"] = purchaseId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            },
        });
}
