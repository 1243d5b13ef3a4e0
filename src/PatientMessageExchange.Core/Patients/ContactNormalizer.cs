using System.Net.Mail;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace PatientMessageExchange.Core.Patients;

/// <summary>
/// Turns what staff type or an export contains into one canonical form, so that the same address or number is
/// recognised wherever it appears: lower-cased emails and E.164 phone numbers.
/// </summary>
public class ContactNormalizer(IOptions<PatientRegistryOptions> options)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private readonly string _region = options.Value.DefaultPhoneRegion;

    public NormalizedContact Normalize(ContactMode mode, string? raw) =>
        mode.IsEmail() ? NormalizeEmail(raw) : NormalizePhone(raw);

    public static NormalizedContact NormalizeEmail(string? raw)
    {
        var trimmed = raw?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return NormalizedContact.Fail("The email address is empty.");
        }
        if (trimmed.Length > 254)
        {
            return NormalizedContact.Fail("The email address is longer than 254 characters.");
        }
        if (trimmed.Any(char.IsWhiteSpace) || trimmed.Count(c => c == '@') != 1)
        {
            return NormalizedContact.Fail($"\"{trimmed}\" is not an email address.");
        }
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
        {
            return NormalizedContact.Fail($"\"{trimmed}\" is not an email address.");
        }
        var host = address.Host;
        if (!host.Contains('.') || host.StartsWith('.') || host.EndsWith('.') || host.Contains(".."))
        {
            return NormalizedContact.Fail($"\"{trimmed}\" has no valid domain.");
        }
        return NormalizedContact.Ok(trimmed.ToLowerInvariant());
    }

    public NormalizedContact NormalizePhone(string? raw)
    {
        var trimmed = raw?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return NormalizedContact.Fail("The phone number is empty.");
        }
        PhoneNumber number;
        try
        {
            number = Phones.Parse(trimmed, _region);
        }
        catch (NumberParseException)
        {
            return NormalizedContact.Fail($"\"{trimmed}\" is not a phone number.");
        }
        if (!Phones.IsValidNumber(number))
        {
            return NormalizedContact.Fail($"\"{trimmed}\" is not a valid phone number for its region.");
        }
        if (number.HasExtension)
        {
            // Storing the number without it would silently reach the switchboard instead of the person.
            return NormalizedContact.Fail($"\"{trimmed}\" has an extension ({number.Extension}), which texts and automated calls " +
                                          "can't dial. Give a direct number without the extension.");
        }
        return NormalizedContact.Ok(Phones.Format(number, PhoneNumberFormat.E164));
    }

    /// <summary>A phone number as staff read it: national format at home, international otherwise.</summary>
    public string FormatForDisplay(string e164)
    {
        try
        {
            var number = Phones.Parse(e164, _region);
            var sameRegion = Phones.GetRegionCodeForNumber(number) == _region;
            return Phones.Format(number, sameRegion ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
