using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.UnitTests.Replies;

public sealed class ReplyKeywordsTests
{
    [Theory]
    [Trait("Check", "R5")]
    [InlineData("STOP", InboundKind.Stop)]
    [InlineData("  stop\n", InboundKind.Stop)]
    [InlineData("Unsubscribe", InboundKind.Stop)]
    [InlineData("end", InboundKind.Stop)]
    [InlineData("QUIT", InboundKind.Stop)]
    [InlineData("stopall", InboundKind.Stop)]
    [InlineData("Revoke", InboundKind.Stop)]
    [InlineData("OPTOUT", InboundKind.Stop)]
    [InlineData("cancel", InboundKind.Stop)]
    [InlineData("start", InboundKind.Start)]
    [InlineData("HELP", InboundKind.Help)]
    [InlineData("c", InboundKind.Confirmation)]
    [InlineData("Yes", InboundKind.Confirmation)]
    [InlineData("Y", InboundKind.Confirmation)]
    [InlineData("confirm", InboundKind.Confirmation)]
    [InlineData("1", InboundKind.Confirmation)]
    [InlineData("N", InboundKind.CallbackRequest)]
    [InlineData("2", InboundKind.CallbackRequest)]
    [InlineData("please stop calling me at work", InboundKind.Other)]
    [InlineData("", InboundKind.Other)]
    public void Classify_reads_the_reply(string body, InboundKind expected) => Assert.Equal(expected, ReplyKeywords.Classify(body));
}
