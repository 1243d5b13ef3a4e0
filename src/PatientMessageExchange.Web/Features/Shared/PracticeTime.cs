using System.Globalization;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Web.Features.Shared;

/// <summary>
/// Times as staff read them: in the practice's time zone, with its abbreviation-free US format. Stored times stay UTC;
/// every view formats through here (injected in _ViewImports as <c>Time</c>).
/// </summary>
public sealed class PracticeTime(PracticeDirectory practice)
{
    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= practice.GetTimeZone();

    public string DateTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Zone).ToString("MM/dd/yyyy h:mm tt", CultureInfo.InvariantCulture);

    public string DateTimeWithSeconds(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Zone).ToString("MM/dd/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    public string Date(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Zone).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}
