namespace PatientMessageExchange.Core.Bounces;

/// <summary>What a report says about one recipient; <see cref="Recipient"/> is lower-cased, or null when unknown.</summary>
public sealed record BounceRecipient(
    BounceKind Kind,
    string? Recipient,
    string? OriginalRecipient = null,
    string? Action = null,
    string? Status = null,
    string? DiagnosticCode = null,
    string? RemoteMta = null,
    string? FeedbackType = null);
