namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>An address that was left off the list, as it was given, and why (R13).</summary>
public sealed record RemovedAddress(string Address, RemovalReason Reason, string Explanation, int? PatientId = null);
