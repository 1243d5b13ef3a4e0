namespace PatientMessageExchange.Core.Bounces;

/// <summary>A report as it arrived, decoded as text for reading.</summary>
public sealed record BounceRawReport(long Id, BounceKind Kind, string? Subject, DateTimeOffset ReceivedUtc, string Text);
