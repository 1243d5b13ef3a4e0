using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Credits.Payments;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Credits;

/// <summary>Buying credits: a Pending purchase, the gateway's payment, and completion through the ledger.</summary>
public class CreditPurchases(
    PmxDbContext db,
    IPaymentGateway gateway,
    StripeCheckoutGateway stripe,
    CreditLedger ledger,
    AuditLog audit,
    IActorContext actor,
    TimeProvider clock,
    ILogger<CreditPurchases> logger)
{
    public async Task<PurchaseStartResult> BuyAsync(int planId, CheckoutUrls urls, CancellationToken ct = default) =>
        await BuyAsync(planId, urls, null, ct);

    /// <summary>
    /// Starts a purchase. With <paramref name="idempotencyKey"/> (the buy form's one-time key), posting the same form
    /// again returns the purchase it started the first time instead of creating another.
    /// </summary>
    public async Task<PurchaseStartResult> BuyAsync(int planId, CheckoutUrls urls, string? idempotencyKey, CancellationToken ct = default)
    {
        if (idempotencyKey is not null && await FindByKeyAsync(idempotencyKey, ct) is { } earlier)
        {
            return earlier;
        }
        var plan = await db.CreditPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || plan.IsRetired)
        {
            return PurchaseStartResult.Fail("Choose one of the plans on offer.");
        }
        var purchase = new CreditPurchase
        {
            PlanId = plan.Id,
            PlanName = plan.Name,
            Credits = plan.Credits,
            BonusCredits = plan.BonusCredits,
            PriceCents = plan.PriceCents,
            Gateway = gateway.Name,
            RequestedByUserId = actor.UserId,
            RequestedByName = actor.UserName,
            CreatedUtc = clock.GetUtcNow(),
            IdempotencyKey = idempotencyKey,
        };
        db.CreditPurchases.Add(purchase);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same form posted twice at once: the other request stored the purchase.
            db.ChangeTracker.Clear();
            return await FindByKeyAsync(idempotencyKey, ct) ?? throw new InvalidOperationException("The purchase was neither stored nor found.");
        }
        audit.Add(AuditActions.PurchaseRequested, nameof(CreditPurchase), Id(purchase),
            $"{plan.Name}: {plan.Credits}+{plan.BonusCredits} credits for {plan.PriceCents} cents via {gateway.Name}");
        await db.SaveChangesAsync(ct);

        PaymentStart start;
        try
        {
            start = await gateway.StartAsync(purchase, urls, ct);
        }
        catch (Exception ex) when (ex is Stripe.StripeException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Payment for purchase {PurchaseId} could not start", purchase.Id);
            await MarkFailedAsync(purchase.Id, "The payment service could not be reached.", ct);
            return PurchaseStartResult.Fail(
                "The payment service could not be reached, so nothing was charged. Please try again later.", purchase.Id);
        }
        if (start.ExternalReference is not null)
        {
            purchase.ExternalReference = start.ExternalReference;
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("Purchase {PurchaseId} of plan {PlanId} started via {Gateway}", purchase.Id, plan.Id, gateway.Name);
        return new PurchaseStartResult(true, null, purchase.Id, start.RedirectUrl);
    }

    private async Task<PurchaseStartResult?> FindByKeyAsync(string idempotencyKey, CancellationToken ct)
    {
        var id = await db.CreditPurchases.AsNoTracking().Where(p => p.IdempotencyKey == idempotencyKey)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : new PurchaseStartResult(true, null, id, null) { Replayed = true };
    }

    /// <summary>An administrator records that an invoice was paid; credits and bonus are posted once.</summary>
    public async Task<OperationResult> MarkPaidAsync(int purchaseId, string reference, CancellationToken ct = default)
    {
        var purchase = await db.CreditPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, ct);
        if (purchase is null)
        {
            return OperationResult.Fail("That purchase does not exist.");
        }
        if (purchase.Gateway != InvoicePaymentGateway.GatewayName)
        {
            return OperationResult.Fail("Only invoiced purchases are marked paid by hand; card payments complete by themselves.");
        }
        var result = await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId), reference.Trim(), ct);
        return result.Outcome switch
        {
            CreditOutcome.Posted => OperationResult.Ok,
            CreditOutcome.Replayed => OperationResult.Fail("That purchase was already marked paid."),
            _ => OperationResult.Fail($"That purchase is {purchase.Status.ToString().ToLowerInvariant()}, not pending."),
        };
    }

    /// <summary>Completes a Stripe Checkout purchase; safe to call for every redelivery of the webhook.</summary>
    public async Task<CreditResult?> CompleteCheckoutAsync(int purchaseId, string sessionId, CancellationToken ct = default)
    {
        var purchase = await db.CreditPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, ct);
        if (purchase is null || purchase.Gateway != StripeCheckoutGateway.GatewayName || purchase.ExternalReference != sessionId)
        {
            logger.LogWarning("Checkout session does not match purchase {PurchaseId}; ignored", purchaseId);
            return null;
        }
        return await ledger.Credit(purchaseId, CreditPurchase.LedgerKey(purchaseId), sessionId, ct);
    }

    /// <summary>
    /// Refunds a completed purchase and takes its credits and bonus back. A card purchase is refunded through Stripe's
    /// refund API (its refund id becomes the reference); an invoiced one is marked refunded with the reference an
    /// administrator enters (the credit note). Unless <paramref name="allowNegative"/>, a refund that would take the
    /// available balance below zero changes nothing and asks for confirmation, before Stripe is called.
    /// </summary>
    public async Task<RefundResult> RefundAsync(int purchaseId, string reason, string? reference, bool allowNegative,
        CancellationToken ct = default)
    {
        var purchase = await db.CreditPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, ct);
        if (purchase is null)
        {
            return RefundResult.Fail("That purchase does not exist.");
        }
        if (purchase.Status != PurchaseStatus.Completed)
        {
            return RefundResult.Fail($"Only a paid purchase can be refunded; purchase #{purchaseId} is {purchase.Status.ToString().ToLowerInvariant()}.");
        }
        var isStripe = purchase.Gateway == StripeCheckoutGateway.GatewayName;
        if (!isStripe && string.IsNullOrWhiteSpace(reference))
        {
            return RefundResult.Fail("Enter the reference of the refund or credit note to mark the invoice refunded.");
        }
        var credits = purchase.Credits + purchase.BonusCredits;
        var available = (await ledger.GetBalance(ct)).Available;
        if (available < credits && !allowNegative)
        {
            return RefundResult.Confirm(ShortOf(purchaseId, credits, available));
        }
        if (isStripe)
        {
            try
            {
                reference = await stripe.RefundAsync(purchase, ct);
            }
            catch (Exception ex) when (ex is Stripe.StripeException or HttpRequestException or TaskCanceledException)
            {
                logger.LogWarning(ex, "Stripe refund of purchase {PurchaseId} failed", purchaseId);
                return RefundResult.Fail("Stripe did not refund the payment, so nothing changed. Please try again later.");
            }
        }
        var result = await ledger.Refund(purchaseId, reference!, reason, allowNegative, ct);
        return result.Outcome switch
        {
            CreditOutcome.Posted => RefundResult.Ok,
            CreditOutcome.Replayed => RefundResult.Fail($"Purchase #{purchaseId} was already refunded."),
            // The balance fell between the check and the write. A Stripe refund asked again returns the same refund.
            CreditOutcome.InsufficientCredits => RefundResult.Confirm(ShortOf(purchaseId, credits, result.AvailableAfter)),
            _ => RefundResult.Fail($"Purchase #{purchaseId} can't be refunded: it is no longer a completed purchase."),
        };
    }

    private static string ShortOf(int purchaseId, int credits, int available) =>
        $"Refunding purchase #{purchaseId} takes back {credits:N0} credits, but only {available:N0} are available: the " +
        $"balance would be {available - credits:N0}. Nothing was refunded. Tick \"Allow a negative balance\" to refund anyway.";

    public async Task<bool> MarkFailedAsync(int purchaseId, string reason, CancellationToken ct = default)
    {
        var failed = await db.CreditPurchases
            .Where(p => p.Id == purchaseId && p.Status == PurchaseStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PurchaseStatus.Failed)
                .SetProperty(p => p.FailureReason, reason), ct);
        if (failed == 0)
        {
            return false;
        }
        await audit.RecordAsync(AuditActions.PurchaseFailed, nameof(CreditPurchase),
            purchaseId.ToString(CultureInfo.InvariantCulture), reason, ct);
        return true;
    }

    public async Task<IReadOnlyList<CreditPurchase>> ListAsync(int take = 50, CancellationToken ct = default) =>
        await db.CreditPurchases.AsNoTracking().OrderByDescending(p => p.Id).Take(take).ToListAsync(ct);

    private static string Id(CreditPurchase purchase) => purchase.Id.ToString(CultureInfo.InvariantCulture);
}
