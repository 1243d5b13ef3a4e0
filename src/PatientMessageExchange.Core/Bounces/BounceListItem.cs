namespace PatientMessageExchange.Core.Bounces;

public sealed record BounceListItem(
    long Id,
    BounceKind Kind,
    bool TurnedHard,
    string? Recipient,
    string? Status,
    string? DiagnosticCode,
    string? Subject,
    string? Problem,
    long? MessageId,
    DateTimeOffset ReceivedUtc,
    IReadOnlyList<BouncePatientLink> Patients);
