using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>One unique, deliverable address; the chart it came from when it came from one.</summary>
public sealed record BroadcastRecipient(string Address, ContactMode Mode, int? PatientId, int? ContactPointId);
