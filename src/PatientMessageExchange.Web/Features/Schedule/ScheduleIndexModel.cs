using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Schedule;

public sealed record ScheduleIndexModel(ScheduleDay Day, string? Provider, string? Location)
{
    public string LocalDateTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Day.Zone).ToString("MM/dd h:mm tt", System.Globalization.CultureInfo.InvariantCulture);

    public string LocalTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Day.Zone).ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture);
}
