using System.Text;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.UnitTests.Bounces;

public class DsnParserTests
{
    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_postfix_hard_bounce_gives_recipient_status_and_envelope_id()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("postfix-hard.eml"));

        Assert.Null(report.Problem);
        var bounce = Assert.Single(report.Recipients);
        Assert.Equal(BounceKind.Hard, bounce.Kind);
        Assert.Equal("ann.parent@example.org", bounce.Recipient);
        Assert.Equal("ann.parent@example.org", bounce.OriginalRecipient);
        Assert.Equal("failed", bounce.Action);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.StartsWith("smtp; 550 5.1.1 <ann.parent@example.org>: Recipient address rejected", bounce.DiagnosticCode);
        Assert.EndsWith("User unknown in virtual mailbox table", bounce.DiagnosticCode);
        Assert.Equal("mx.example.org", bounce.RemoteMta);
        Assert.Equal("mail.pmx-test.example", report.ReportingMta);
        Assert.Equal("pmx-1001", report.OriginalEnvelopeId);
        Assert.Equal("pmx-1001@pmx-test.example", report.OriginalMessageId);
        Assert.Equal(1001, report.MessageId);
        Assert.Equal("20261119140211.4Q1xYz2kLmz9sTb@mail.pmx-test.example", report.ReportMessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 14, 2, 11, TimeSpan.Zero), report.DateUtc);
    }

    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_exchange_ndr_is_matched_through_the_returned_message_id()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("exchange-hard.eml"));

        var bounce = Assert.Single(report.Recipients);
        Assert.Equal(BounceKind.Hard, bounce.Kind);
        Assert.Equal("frank.guardian@contoso-clinic.example", bounce.Recipient);
        Assert.Equal("5.1.10", bounce.Status);
        Assert.Equal("smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
            bounce.DiagnosticCode);
        Assert.Null(report.OriginalEnvelopeId);
        Assert.Equal("pmx-1002@pmx-test.example", report.OriginalMessageId);
        Assert.Equal(1002, report.MessageId);
    }

    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_gmail_dsn_with_a_folded_multiline_diagnostic_is_read()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("gmail-hard.eml"));

        var bounce = Assert.Single(report.Recipients);
        Assert.Equal(BounceKind.Hard, bounce.Kind);
        Assert.Equal("bob.guardian@example.net", bounce.Recipient);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.StartsWith("smtp; 550-5.1.1 The email account that you tried to reach does not exist.", bounce.DiagnosticCode);
        Assert.EndsWith("550 5.1.1 unnecessary spaces.", bounce.DiagnosticCode);
        Assert.Equal(1003, report.MessageId);
    }

    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_exim_report_gives_one_entry_per_failed_recipient_and_skips_the_delivered_one()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("exim-multi.eml"));

        Assert.Equal(2, report.Recipients.Count);
        var carol = report.Recipients[0];
        Assert.Equal(("carol@example.com", BounceKind.Hard, "5.0.0"), (carol.Recipient, carol.Kind, carol.Status));
        // No Status field: one is derived from the reply and its words.
        var dave = report.Recipients[1];
        Assert.Equal(("dave@example.com", BounceKind.Soft, "4.2.2"), (dave.Recipient, dave.Kind, dave.Status));
        Assert.Equal("smtp; 452 Mailbox full", dave.DiagnosticCode);
        Assert.Equal(1004, report.MessageId);
    }

    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_global_delivery_status_reads_utf8_fields()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("global-utf8.eml"));

        Assert.Null(report.Problem);
        var bounce = Assert.Single(report.Recipients);
        Assert.Equal(BounceKind.Hard, bounce.Kind);
        Assert.Equal("élodie@exemple.fr", bounce.Recipient);
        Assert.Equal("élodie@exemple.fr", bounce.OriginalRecipient);
        Assert.Equal("smtp; 550 5.1.1 Boîte aux lettres inconnue", bounce.DiagnosticCode);
        Assert.Equal("pmx-1005", report.OriginalEnvelopeId);
        Assert.Equal("pmx-1005@pmx-test.example", report.OriginalMessageId);
        Assert.Equal(1005, report.MessageId);
    }

    [Fact]
    public void An_arf_abuse_report_is_a_complaint_for_the_original_recipient()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("complaint-arf.eml"));

        var complaint = Assert.Single(report.Recipients);
        Assert.Equal(BounceKind.Complaint, complaint.Kind);
        Assert.Equal("erin.parent@example.com", complaint.Recipient);
        Assert.Equal("abuse", complaint.FeedbackType);
        Assert.Equal(1006, report.MessageId);
    }

    [Fact]
    public void An_arf_report_without_Original_Rcpt_To_takes_the_original_To()
    {
        var text = Encoding.UTF8.GetString(BounceFixtures.Read("complaint-arf.eml"))
            .Replace("Original-Rcpt-To: <Erin.Parent@example.com>\n", "");

        var report = DsnParser.Parse(Encoding.UTF8.GetBytes(text));

        var complaint = Assert.Single(report.Recipients);
        Assert.Equal(("erin.parent@example.com", BounceKind.Complaint), (complaint.Recipient, complaint.Kind));
    }

    [Fact]
    public void An_arf_report_that_is_not_abuse_is_unclassified()
    {
        var text = Encoding.UTF8.GetString(BounceFixtures.Read("complaint-arf.eml"))
            .Replace("Feedback-Type: abuse", "Feedback-Type: not-spam");

        var report = DsnParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(BounceKind.Unclassified, Assert.Single(report.Recipients).Kind);
    }

    [Trait("Check", "R9")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_a_source_routed_final_recipient_gives_way_to_the_original_recipient()
    {
        var text = Encoding.UTF8.GetString(BounceFixtures.Read("postfix-hard.eml"))
            .Replace("Final-Recipient: rfc822; ann.parent@example.org", "Final-Recipient: rfc822; <@relay.example.net:ann.parent@internal.example>");

        var bounce = Assert.Single(DsnParser.Parse(Encoding.UTF8.GetBytes(text)).Recipients);

        Assert.Equal(("ann.parent@example.org", BounceKind.Hard), (bounce.Recipient, bounce.Kind));
    }

    [Fact]
    [Trait("Check", "R8")]
    public void R8_tolerates_a_report_without_its_type_and_without_the_blank_line_after_the_per_message_fields()
    {
        var text = Encoding.UTF8.GetString(BounceFixtures.Read("exim-multi.eml"))
            .Replace("multipart/report; report-type=delivery-status;", "multipart/report;")
            .Replace("Reporting-MTA: dns; mx.exim-host.example\n\n", "Reporting-MTA: dns; mx.exim-host.example\n");

        var report = DsnParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Null(report.Problem);
        Assert.Equal([("carol@example.com", BounceKind.Hard), ("dave@example.com", BounceKind.Soft)],
            report.Recipients.Select(r => (r.Recipient!, r.Kind)));
    }

    [Fact]
    [Trait("Check", "R8")]
    public void R8_a_status_part_inside_multipart_mixed_is_read()
    {
        var text = Encoding.UTF8.GetString(BounceFixtures.Read("postfix-hard.eml"))
            .Replace("multipart/report; report-type=delivery-status;", "multipart/mixed;");

        var report = DsnParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(("ann.parent@example.org", BounceKind.Hard), (Assert.Single(report.Recipients).Recipient, report.Recipients[0].Kind));
        Assert.True(BounceDetector.IsBounce(MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)))));
    }

    [Fact]
    [Trait("Check", "R9")]
    public void R9_a_delay_notice_has_no_bounces()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("postfix-delayed.eml"));

        Assert.Empty(report.Recipients);
        Assert.Null(report.Problem);
        Assert.Equal(1007, report.MessageId);
    }

    [Fact]
    public void A_mailbox_full_report_is_soft()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("postfix-soft.eml"));

        var bounce = Assert.Single(report.Recipients);
        Assert.Equal(("ivy@full.example", BounceKind.Soft, "4.2.2"), (bounce.Recipient, bounce.Kind, bounce.Status));
    }

    [Trait("Check", "R8")]
    [Theory]
    [Trait("Check", "R8")]
    [InlineData("garbage-report.eml")]
    [InlineData("not-a-bounce.eml")]
    public void R8_reports_that_cannot_be_read_are_unclassified_with_the_raw_kept(string fixture)
    {
        var raw = BounceFixtures.Read(fixture);

        var report = DsnParser.Parse(raw);

        var entry = Assert.Single(report.Recipients);
        Assert.Equal(BounceKind.Unclassified, entry.Kind);
        Assert.Null(entry.Recipient);
        Assert.NotNull(report.Problem);
        Assert.Same(raw, report.RawMessage);
    }

    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public void R8_a_text_bounce_without_a_status_part_is_read_by_its_family_parser()
    {
        var report = DsnParser.Parse(BounceFixtures.Read("daemon-plain.eml"));

        Assert.Null(report.Problem);
        Assert.Equal("Yahoo", report.Family);
        var bounce = Assert.Single(report.Recipients);
        Assert.Equal(("jack@old-isp.example", BounceKind.Hard, "5.1.1", "mailbox unavailable"),
            (bounce.Recipient, bounce.Kind, bounce.Status, bounce.DiagnosticCode));
    }

    [Fact]
    [Trait("Check", "R8")]
    public void R8_bytes_that_are_not_mail_at_all_are_unclassified()
    {
        var raw = new byte[] { 0, 159, 146, 150, 0xFF, 0xFE, 10, 10, 13, 0 };

        var report = DsnParser.Parse(raw);

        Assert.Equal(BounceKind.Unclassified, Assert.Single(report.Recipients).Kind);
        Assert.Same(raw, report.RawMessage);
    }

    [Trait("Check", "R9")]
    [Fact]
    [Trait("Check", "R9")]
    public void R9_the_dedupe_key_is_the_same_each_time_a_report_is_read_and_differs_by_recipient()
    {
        var first = DsnParser.Parse(BounceFixtures.Read("exim-multi.eml"));
        var again = DsnParser.Parse(BounceFixtures.Read("exim-multi.eml"));

        Assert.Equal(first.DedupeKeyFor(first.Recipients[0]), again.DedupeKeyFor(again.Recipients[0]));
        Assert.NotEqual(first.DedupeKeyFor(first.Recipients[0]), first.DedupeKeyFor(first.Recipients[1]));
    }
}
