namespace PatientMessageExchange.Core.Reports;

public enum ExportFormat
{
    Csv = 1,
    Xlsx = 2,
}
