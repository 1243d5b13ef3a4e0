namespace PatientMessageExchange.Core.Credits;

/// <summary>A new purchase, and where to send the buyer to pay; or why none was made.</summary>
public sealed record PurchaseStartResult(bool Succeeded, string? Error, int? PurchaseId, string? RedirectUrl)
{
    /// <summary>The form had already been posted: this is the purchase it started then, and nothing new was created.</summary>
    public bool Replayed { get; init; }

    public static PurchaseStartResult Fail(string error, int? purchaseId = null) => new(false, error, purchaseId, null);
}
