using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>A contact point a message for the need may go to. <see cref="GuardianId"/> is null for the patient's own.</summary>
public sealed record ResolvedContact(int ContactPointId, ContactMode Mode, string Value, int? GuardianId);
