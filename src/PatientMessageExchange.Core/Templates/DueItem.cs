namespace PatientMessageExchange.Core.Templates;

/// <summary>What a recall or immunization message is about, e.g. "4-year well visit", and when it is due.</summary>
public sealed record DueItem(string Name, DateOnly DueDate);
