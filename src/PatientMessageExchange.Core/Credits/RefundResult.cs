namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// What a refund did. <see cref="NeedsConfirmation"/>: nothing was taken back because the available balance would go
/// below zero; the administrator may confirm and try again.
/// </summary>
public sealed record RefundResult(bool Succeeded, string? Error, bool NeedsConfirmation = false)
{
    public static RefundResult Ok { get; } = new(true, null);

    public static RefundResult Fail(string error) => new(false, error);

    public static RefundResult Confirm(string error) => new(false, error, NeedsConfirmation: true);
}
