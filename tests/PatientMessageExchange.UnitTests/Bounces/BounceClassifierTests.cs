using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.UnitTests.Bounces;

public class BounceClassifierTests
{
    [Trait("Check", "R9")]
    [Theory]
    [InlineData("failed", "5.1.1", null, BounceKind.Hard)]
    [InlineData("failed", "5.7.1 (delivery not authorized)", null, BounceKind.Hard)]
    [InlineData("Failed", "5.1.10", "smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound", BounceKind.Hard)]
    [InlineData("failed", "4.2.2", "smtp; 452 4.2.2 Mailbox full", BounceKind.Soft)]
    [InlineData("failed", "4.4.7", null, BounceKind.Soft)]
    [InlineData(null, "5.0.0", null, BounceKind.Hard)]
    [InlineData("failed", null, "smtp; 550 No such user here", BounceKind.Hard)]
    [InlineData("failed", null, "smtp; 452 Mailbox full", BounceKind.Soft)]
    [InlineData("failed", null, "smtp; 550-5.1.1 The account does not exist", BounceKind.Hard)]
    [InlineData("failed", "", "", BounceKind.Unclassified)]
    [InlineData("failed", null, "X-Postfix; host unreachable", BounceKind.Unclassified)]
    [InlineData("failed", "garbled", null, BounceKind.Unclassified)]
    [InlineData("failed", "2.0.0", null, BounceKind.Unclassified)]
    public void R9_failed_entries_are_classified_by_status_then_smtp_code(string? action, string? status,
        string? diagnostic, BounceKind expected)
    {
        Assert.Equal(expected, BounceClassifier.Classify(action, status, diagnostic));
    }

    [Trait("Check", "R9")]
    [Theory]
    [InlineData("delayed", "4.4.1")]
    [InlineData("DELAYED", "4.4.7")]
    [InlineData("delivered", "2.0.0")]
    [InlineData("relayed", "2.0.0")]
    [InlineData("expanded", "2.0.0")]
    [InlineData("delayed", "5.0.0")]
    [InlineData(null, "2.0.0")]
    public void R9_delays_and_successes_are_not_bounces(string? action, string status)
    {
        Assert.Null(BounceClassifier.Classify(action, status, null));
    }

    [Theory]
    [InlineData("smtp; 550 5.1.1 User unknown", "550")]
    [InlineData("smtp;452-4.2.2 Over quota", "452")]
    [InlineData("550 Rejected", "550")]
    [InlineData("X-Postfix; connection timed out", null)]
    [InlineData("smtp; 5500 odd", null)]
    public void SmtpReplyCode_reads_the_reply_after_the_type(string diagnostic, string? expected)
    {
        Assert.Equal(expected, BounceClassifier.SmtpReplyCode(diagnostic));
    }
}
