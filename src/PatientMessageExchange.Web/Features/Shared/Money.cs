using System.Globalization;

namespace PatientMessageExchange.Web.Features.Shared;

public static class Money
{
    private static readonly CultureInfo UsDollars = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Integer cents as dollars, e.g. 128000 → "$1,280.00".</summary>
    public static string Format(long cents) => (cents / 100m).ToString("C", UsDollars);
}
