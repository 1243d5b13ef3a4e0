using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Credits;

/// <summary>Credits charged for one contact mode; <see cref="Mode"/> null means inbound replies.</summary>
public sealed record CreditUsageByMode(ContactMode? Mode, bool Inbound, long Credits, int Count);
