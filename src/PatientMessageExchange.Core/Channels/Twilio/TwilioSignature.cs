using Twilio.Security;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>Checks X-Twilio-Signature with the SDK's validator: HMAC of the full URL plus the sorted form fields.</summary>
public static class TwilioSignature
{
    public static bool IsValid(string? authToken, string url, IDictionary<string, string> form, string? signature) =>
        !string.IsNullOrEmpty(authToken) && !string.IsNullOrEmpty(signature) &&
        new RequestValidator(authToken).Validate(url, form, signature);
}
