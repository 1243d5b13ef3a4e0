namespace PatientMessageExchange.Core.Replies;

/// <summary>What a call says: the voice script rendered when the campaign was created, and whether it asks for a keypress.</summary>
public sealed record CallScript(long MessageId, string Script, string? Language, bool AsksToConfirm);
