using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.UnitTests.Bounces;

public class BounceClassifierTests
{
    [Trait("Check", "R9")]
    [Theory]
    [InlineData("failed", "5.1.1", null, BounceKind.Hard)]
    [InlineData("failed", "5.7.1 (delivery not authorized)", null, BounceKind.Blocked)]
    [InlineData("Failed", "5.1.10", "smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound", BounceKind.Hard)]
    [InlineData("failed", "4.2.2", "smtp; 452 4.2.2 Mailbox full", BounceKind.Soft)]
    [InlineData("failed", "4.4.7", null, BounceKind.Soft)]
    [InlineData(null, "5.0.0", null, BounceKind.Soft)]
    [InlineData("failed", null, "smtp; 550 No such user here", BounceKind.Hard)]
    [InlineData("failed", null, "smtp; 452 Mailbox full", BounceKind.Soft)]
    [InlineData("failed", null, "smtp; 550-5.1.1 The account does not exist", BounceKind.Hard)]
    [InlineData("failed", "", "", BounceKind.Unclassified)]
    [InlineData("failed", null, "X-Postfix; host unreachable", BounceKind.Soft)]
    [InlineData("failed", null, "X-Postfix; unknown reason", BounceKind.Unclassified)]
    [InlineData("failed", "garbled", null, BounceKind.Unclassified)]
    [InlineData("failed", "2.0.0", null, BounceKind.Unclassified)]
    [Trait("Check", "R9")]
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
    [Trait("Check", "R9")]
    public void R9_delays_and_successes_are_not_bounces(string? action, string status)
    {
        Assert.Null(BounceClassifier.Classify(action, status, null));
    }

    [Theory]
    [Trait("Check", "R9")]
    [InlineData("5.1.1", "smtp; 550 5.1.1 <ann@example.org>... User unknown", BounceKind.Hard)]
    [InlineData("5.1.10", "smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound", BounceKind.Hard)]
    [InlineData("5.2.1", "smtp; 550-5.2.1 The email account that you tried to reach is disabled.", BounceKind.Hard)]
    [InlineData("5.4.4", "X-Outbound-Mail-Relay; Host or domain name not found", BounceKind.Hard)]
    [InlineData("4.0.0", "smtp; DNS Error: DNS type 'mx' lookup of example.jp responded with code NXDOMAIN", BounceKind.Hard)]
    [InlineData("5.2.2", "smtp; 552 5.2.2 Mailbox full", BounceKind.Soft)]
    [InlineData("5.3.4", "smtp; 554 5.3.4 Message too big for system", BounceKind.Soft)]
    [InlineData("5.2.3", "smtp; 552 5.2.3 Message length exceeds limit set by recipient", BounceKind.Soft)]
    [InlineData("4.4.7", "smtp; 421 4.4.2 Connection timed out", BounceKind.Soft)]
    [InlineData("5.0.0", null, BounceKind.Soft)]
    [InlineData("5.7.26", "smtp; 550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy", BounceKind.Blocked)]
    [InlineData("5.7.1", "smtp; 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org", BounceKind.Blocked)]
    [InlineData("5.7.509", "550 5.7.509 Access denied, sending domain does not pass DMARC verification", BounceKind.Blocked)]
    [InlineData("5.7.9", "smtp; 554 5.7.9 Message not accepted for policy reasons", BounceKind.Blocked)]
    [InlineData("5.1.3", "SMTP; 553 http://www.spamhaus.org/query/bl?ip=192.0.2.222", BounceKind.Blocked)]
    [InlineData("5.1.8", "smtp;501 5.1.8 Sender address rejected", BounceKind.Blocked)]
    [InlineData("5.0.0", "smtp; 550 Bad SPF records for [example.org:192.0.2.2]", BounceKind.Blocked)]
    [InlineData("4.7.0", "smtp; 421 4.7.0 [TSS04] Messages temporarily deferred due to user complaints", BounceKind.Soft)]
    [InlineData("4.7.26", "smtp; 421-4.7.26 Unauthenticated email is not accepted from this domain (SPF)", BounceKind.Blocked)]
    public void Only_address_failures_are_hard_and_sender_side_rejections_are_blocked(string status, string? diagnostic,
        BounceKind expected)
    {
        Assert.Equal(expected, BounceClassifier.Classify("failed", status, diagnostic));
    }

    [Theory]
    [InlineData("550 Unknown user ann@example.org", "5.1.1")]
    [InlineData("Remote host said: 552 Mailbox full", "5.2.2")]
    [InlineData("550 Host unknown", "5.1.2")]
    [InlineData("554 Message rejected: listed at spamhaus", "5.7.1")]
    [InlineData("Sorry, no mailbox here by that name. (#5.1.1)", "5.1.1")]
    [InlineData("451 Temporary local problem - please try later", "4.4.1")]
    [InlineData("Something happened", null)]
    public void DeriveStatus_reads_an_enhanced_code_or_derives_one_from_the_reply_and_its_words(string diagnostic, string? expected)
    {
        Assert.Equal(expected, BounceClassifier.DeriveStatus(diagnostic));
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
