namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>One record of a CSV file and the line of the file it starts on.</summary>
public sealed record CsvRecordLine(int Line, IReadOnlyList<string> Fields);
