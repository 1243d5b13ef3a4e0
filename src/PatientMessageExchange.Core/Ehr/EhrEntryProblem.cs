namespace PatientMessageExchange.Core.Ehr;

/// <summary>An entry of a search page that could not be read, and why (without the offending value).</summary>
public sealed record EhrEntryProblem(string ResourceType, string ResourceId, string Reason);
