namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>What a broadcast says: a saved broadcast template, or a new subject and body written in the composer.</summary>
public sealed record BroadcastContent(int? TemplateId, string? Subject, string? HtmlBody);
