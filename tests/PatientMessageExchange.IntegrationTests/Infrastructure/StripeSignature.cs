using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>Builds a Stripe-Signature header the documented way: t=timestamp, v1=HMAC-SHA256(secret, "t.payload") in hex.</summary>
public static class StripeSignature
{
    public static string Header(string payload, string secret, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
