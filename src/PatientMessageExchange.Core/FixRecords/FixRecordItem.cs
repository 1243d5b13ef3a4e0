using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.FixRecords;

public sealed record FixRecordItem(
    int ContactPointId,
    int PatientId,
    string ChartNumber,
    string PatientName,
    string? GuardianName,
    ContactMode Mode,
    string Value,
    FixReason Reason,
    string? Detail,
    DateTimeOffset? SinceUtc);
