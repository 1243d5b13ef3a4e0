using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.FixRecords;

public sealed record UnreachablePatient(int PatientId, string ChartNumber, string PatientName, ContactResolution Resolution);
