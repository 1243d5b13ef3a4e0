using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Reports;

/// <summary>One contact mode's outbound messages in the period, and the credits they were charged.</summary>
public sealed record MessagesSentGroup(ContactMode Mode, StatusCounts Counts, long Credits);
