namespace PatientMessageExchange.Core.Credits;

/// <summary>An order for a plan's credits. Its terms are copied from the plan so that a later plan edit changes no history.</summary>
public class CreditPurchase
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public string PlanName { get; set; } = "";
    public int Credits { get; set; }
    public int BonusCredits { get; set; }
    public long PriceCents { get; set; }
    public PurchaseStatus Status { get; set; } = PurchaseStatus.Pending;

    /// <summary>"Invoice" or "Stripe": the gateway that takes the payment.</summary>
    public string Gateway { get; set; } = "";

    /// <summary>The Stripe Checkout session id, or the invoice/payment reference an administrator entered.</summary>
    public string? ExternalReference { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>
    /// The buy form's one-time key: posting the same form again (a double click, a replayed request) finds this
    /// purchase instead of starting another.
    /// </summary>
    public string? IdempotencyKey { get; set; }
    public string? RequestedByUserId { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
    public DateTimeOffset? CompletedUtc { get; set; }

    /// <summary>When a completed purchase was refunded (Status Refunded), by whom, why, and the Stripe refund id or the
    /// reference of the credit note an administrator entered for an invoice.</summary>
    public DateTimeOffset? RefundedUtc { get; set; }

    public string? RefundReference { get; set; }
    public string? RefundReason { get; set; }
    public string? RefundedByName { get; set; }

    /// <summary>Key of the Refund entry that removes the purchase's credits and bonus.</summary>
    public static string RefundLedgerKey(int purchaseId) => $"refund:{purchaseId}";

    /// <summary>Key of the Purchase entry; the bonus uses the same key with <c>:bonus</c>.</summary>
    public static string LedgerKey(int purchaseId) => $"purchase:{purchaseId}";
}
