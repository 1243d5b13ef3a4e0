using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Preferences;

/// <summary>A preferred mode or contact point passed over; <see cref="ContactPointId"/> is null when none is on file.</summary>
public sealed record SkippedContact(ContactMode Mode, SkipReason Reason, int? ContactPointId = null);
