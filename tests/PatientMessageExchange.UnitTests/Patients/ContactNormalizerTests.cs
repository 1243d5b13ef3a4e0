using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.UnitTests.Patients;

public class ContactNormalizerTests
{
    private readonly ContactNormalizer _us = For("US");

    [Theory]
    [InlineData("  Jane.Doe@Example.COM ", "jane.doe@example.com")]
    [InlineData("MUNOZ+school@gmail.com", "munoz+school@gmail.com")]
    public void NormalizeEmail_MixedCaseWithSpaces_IsTrimmedAndLowerCased(string raw, string expected)
    {
        var result = ContactNormalizer.NormalizeEmail(raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@localhost")]
    [InlineData("jane@example..com")]
    [InlineData("Jane <jane@example.com>")]
    public void NormalizeEmail_NotAnAddress_IsRefusedWithAMessage(string raw)
    {
        var result = ContactNormalizer.NormalizeEmail(raw);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void NormalizeEmail_Empty_SaysItIsEmpty(string? raw)
    {
        var result = ContactNormalizer.NormalizeEmail(raw);

        Assert.Equal("The email address is empty.", result.Error);
    }

    [Theory]
    [InlineData("(617) 555-0123")]
    [InlineData("617-555-0123")]
    [InlineData("617.555.0123")]
    [InlineData("1 617 555 0123")]
    [InlineData("+1 (617) 555-0123")]
    [InlineData(" 6175550123 ")]
    public void NormalizePhone_UsFormats_BecomeE164(string raw)
    {
        var result = _us.NormalizePhone(raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("+16175550123", result.Value);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+52 55 1234 5678", "+525512345678")]
    [InlineData("+33 1 42 68 53 00", "+33142685300")]
    public void NormalizePhone_InternationalNumber_KeepsItsCountry(string raw, string expected)
    {
        var result = _us.NormalizePhone(raw);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("555-0123")]
    [InlineData("(000) 555-0123")]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("617-555-01234567")]
    public void NormalizePhone_InvalidNumber_IsRefusedWithAMessage(string raw)
    {
        var result = _us.NormalizePhone(raw);

        Assert.False(result.IsValid);
        Assert.Contains(raw.Trim(), result.Error);
    }

    [Fact]
    public void NormalizePhone_Empty_SaysItIsEmpty()
    {
        var result = _us.NormalizePhone("");

        Assert.Equal("The phone number is empty.", result.Error);
    }

    [Fact]
    public void NormalizePhone_RegionGB_ReadsNationalNumbersAsBritish()
    {
        var gb = For("GB");

        var result = gb.NormalizePhone("020 7946 0958");

        Assert.Equal("+442079460958", result.Value);
    }

    [Fact]
    public void NormalizePhone_RegionGB_RefusesAUsNationalNumber()
    {
        var gb = For("GB");

        var result = gb.NormalizePhone("(617) 555-0123");

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData(ContactMode.Email, "Parent@Example.com", "parent@example.com")]
    [InlineData(ContactMode.WorkEmail, "Boss@Work.ORG", "boss@work.org")]
    [InlineData(ContactMode.Text, "(617) 555-0123", "+16175550123")]
    [InlineData(ContactMode.Phone, "617 555 0123", "+16175550123")]
    [InlineData(ContactMode.WorkPhone, "617-555-0123", "+16175550123")]
    public void Normalize_PicksEmailOrPhoneRulesByMode(ContactMode mode, string raw, string expected)
    {
        var result = _us.Normalize(mode, raw);

        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Normalize_PhoneModeGivenAnEmail_IsRefused()
    {
        var result = _us.Normalize(ContactMode.Text, "parent@example.com");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void FormatForDisplay_HomeNumber_UsesNationalFormat()
    {
        Assert.Equal("(617) 555-0123", _us.FormatForDisplay("+16175550123"));
    }

    [Fact]
    public void FormatForDisplay_ForeignNumber_UsesInternationalFormat()
    {
        Assert.Equal("+44 20 7946 0958", _us.FormatForDisplay("+442079460958"));
    }

    private static ContactNormalizer For(string region) =>
        new(Options.Create(new PatientRegistryOptions { DefaultPhoneRegion = region }));
}
