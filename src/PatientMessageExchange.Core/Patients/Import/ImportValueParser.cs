using System.Globalization;

namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>Reads the value formats that practice management exports actually contain.</summary>
public static class ImportValueParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy", "M/d/yy", "yyyyMMdd", "yyyy/MM/dd", "M-d-yyyy", "d MMM yyyy", "MMM d, yyyy",
    ];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "h:mm tt", "h:mmtt", "hh:mm tt", "h:mm:ss tt", "H:mm:ss", "HH:mm:ss", "h tt", "htt"];

    public static bool TryParseDate(string value, out DateOnly date)
    {
        var trimmed = value.Trim();
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }
        // Some exports append a midnight time to dates ("3/7/2019 12:00:00 AM"); anything else after the date is not one.
        var split = trimmed.IndexOf(' ');
        return split > 0 &&
               TryParseTime(trimmed[(split + 1)..].Trim(), out _) &&
               DateOnly.TryParseExact(trimmed[..split], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryParseTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value.ToUpperInvariant(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time);

    public static bool TryParseDateTime(string value, out DateOnly date, out TimeOnly time)
    {
        date = default;
        time = default;
        var value2 = value.Replace('T', ' ').Trim();
        var split = value2.IndexOf(' ');
        if (split < 0)
        {
            return false;
        }
        return TryParseDate(value2[..split], out date) && TryParseTime(value2[(split + 1)..].Trim(), out time);
    }

    public static bool? ParseFlag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "y" or "yes" or "true" or "1" or "active" or "a" => true,
        "n" or "no" or "false" or "0" or "inactive" or "i" => false,
        _ => null,
    };

    /// <summary>An ISO 639-1 code for the names and codes that exports use; null when not recognised.</summary>
    public static string? ParseLanguage(string value) => value.Trim().ToLowerInvariant() switch
    {
        "en" or "eng" or "english" => "en",
        "es" or "spa" or "spanish" or "español" or "espanol" => "es",
        "fr" or "fra" or "fre" or "french" or "français" => "fr",
        "pt" or "por" or "portuguese" or "português" => "pt",
        "zh" or "chi" or "zho" or "chinese" or "mandarin" or "cantonese" => "zh",
        "vi" or "vie" or "vietnamese" => "vi",
        "ar" or "ara" or "arabic" => "ar",
        "ru" or "rus" or "russian" => "ru",
        "ht" or "haitian creole" or "creole" => "ht",
        "ko" or "kor" or "korean" => "ko",
        _ => null,
    };
}
