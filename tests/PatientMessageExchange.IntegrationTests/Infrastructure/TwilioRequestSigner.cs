using System.Security.Cryptography;
using System.Text;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>Signs a webhook as Twilio does: HMAC-SHA1 over the URL and the form fields sorted by name, base64.</summary>
public static class TwilioRequestSigner
{
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }
}
