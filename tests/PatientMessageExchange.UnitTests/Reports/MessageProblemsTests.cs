using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.UnitTests.Reports;

public class MessageProblemsTests
{
    [Theory]
    [InlineData(MessageStatus.Bounced, "550 5.1.1 <x@example.com>: Recipient address rejected: User unknown", "The email address does not exist. Correct it in the patient's record.")]
    [InlineData(MessageStatus.Failed, "Gave up after 5 attempts: connection refused", "The sending service could not be reached after several tries.")]
    [InlineData(MessageStatus.Undelivered, "30006", "That number is a landline and can't receive texts.")]
    [InlineData(MessageStatus.Failed, "21610 Attempt to send to unsubscribed recipient", "The family has opted out of these messages (replied STOP or unsubscribed).")]
    [InlineData(MessageStatus.Cancelled, null, "Cancelled before it was sent; its credits were returned.")]
    public void Explain_CommonErrors_InPlainWords(MessageStatus status, string? error, string expected)
    {
        Assert.Equal(expected, MessageProblems.Explain(status, error));
    }

    [Fact]
    public void Explain_DeliveredWithoutError_IsNothing() => Assert.Null(MessageProblems.Explain(MessageStatus.Delivered, null));

    [Fact]
    public void Explain_AMessageThatFellBack_SaysWhereTo() =>
        Assert.Equal("That number is a landline and can't receive texts. Fell back to Phone (message #42).",
            MessageProblems.Explain(MessageStatus.Undelivered, "The carrier did not deliver it: landline: use voice.", (ContactMode.Phone, 42)));

    [Fact]
    public void Explain_AMessageWithoutFallback_SaysWhy() =>
        Assert.Equal("Not a valid phone number. Correct it in the patient's record. " + ChannelFallback.NoCreditsNote,
            MessageProblems.Explain(MessageStatus.Bounced, "not a mobile number (Twilio 21614) " + ChannelFallback.NoCreditsNote));
}
