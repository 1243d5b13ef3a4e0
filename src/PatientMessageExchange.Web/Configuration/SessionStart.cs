using Microsoft.AspNetCore.Authentication;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>
/// The moment a session began, kept in the cookie's properties. Sliding renewals reset the cookie's own issue time,
/// so the absolute lifetime needs its own record.
/// </summary>
public static class SessionStart
{
    private const string Key = "pmx.session-start";

    public static AuthenticationProperties Stamp(this AuthenticationProperties properties, DateTimeOffset now)
    {
        properties.Items[Key] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return properties;
    }

    public static DateTimeOffset? Read(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(Key, out var value) && long.TryParse(value, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
