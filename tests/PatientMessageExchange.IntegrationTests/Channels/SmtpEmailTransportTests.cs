using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using SmtpServer.Protocol;

namespace PatientMessageExchange.IntegrationTests.Channels;

public sealed class SmtpEmailTransportTests : IAsyncLifetime
{
    private SmtpSink _sink = null!;
    private SmtpEmailTransport _transport = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _transport = new SmtpEmailTransport(
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _sink.Port, Security = SmtpSecurity.None, PoolSize = 2, TimeoutSeconds = 10 }),
            Options.Create(new EmailOptions { FromAddress = "messages@maple.example" }),
            NullLogger<SmtpEmailTransport>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _transport.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private static OutgoingEmail Email(long id, string to = "parent@example.com") =>
        new(id, to, "Maple Grove Pediatrics", "Reminder", "<p>See you <b>Tuesday</b>.</p>");

    [Fact]
    public async Task An_accepted_email_arrives_with_our_ids_in_headers_and_envelope()
    {
        var result = await _transport.SendAsync(Email(42), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Accepted, result.Outcome);
        var received = Assert.Single(_sink.Received);
        Assert.Equal("pmx-42@maple.example", received.Message.MessageId);
        Assert.Equal(["parent@example.com"], received.Recipients);
        Assert.Contains("See you Tuesday.", received.Message.TextBody);
        Assert.Contains("<b>Tuesday</b>", received.Message.HtmlBody);
    }

    [Fact]
    public async Task Connections_are_reused_across_messages()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(EmailSendOutcome.Accepted, (await _transport.SendAsync(Email(i), CancellationToken.None)).Outcome);
        }

        Assert.Equal(20, _sink.Received.Count);
        Assert.True(_sink.SessionCount <= 2, $"{_sink.SessionCount} SMTP sessions for a pool of 2");
    }

    [Trait("Check", "R11")]
    [Theory]
    [InlineData(SmtpReplyCode.ServiceUnavailable, "4.3.2 Try again later")]
    [InlineData(SmtpReplyCode.Unavailable, "4.2.1 Mailbox busy")]
    [InlineData(SmtpReplyCode.Aborted, "4.3.0 Local error")]
    public async Task R11_a_4xx_reply_is_transient(SmtpReplyCode code, string text)
    {
        _sink.ScriptedDataReplies.Enqueue(new SmtpResponse(code, text));

        var result = await _transport.SendAsync(Email(7), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Transient, result.Outcome);
        Assert.StartsWith(((int)code).ToString(), result.Detail);
    }

    [Trait("Check", "R11")]
    [Fact]
    public async Task R11_a_550_5_1_1_at_RCPT_is_a_hard_bounce()
    {
        _sink.UnknownMailboxes["nobody@example.com"] = true;

        var result = await _transport.SendAsync(Email(8, "nobody@example.com"), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.RecipientRejected, result.Outcome);
        Assert.Contains("5.1.1", result.Detail);
        Assert.Empty(_sink.Received);
    }

    [Fact]
    public async Task A_5xx_reply_to_the_message_is_permanent()
    {
        _sink.ScriptedDataReplies.Enqueue(new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 Message refused"));

        var result = await _transport.SendAsync(Email(9), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Permanent, result.Outcome);
    }

    [Trait("Check", "R11")]
    [Fact]
    public async Task R11_a_connection_dropped_before_the_final_reply_is_transient_and_the_next_send_reconnects()
    {
        _sink.DropNextBeforeFinalReply();

        var dropped = await _transport.SendAsync(Email(10), CancellationToken.None);
        var next = await _transport.SendAsync(Email(11), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Transient, dropped.Outcome);
        Assert.Equal(EmailSendOutcome.Accepted, next.Outcome);
        Assert.Equal(2, _sink.Received.Count);
    }

    [Fact]
    public async Task An_unreachable_server_is_transient()
    {
        await using var nowhere = new SmtpEmailTransport(
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = 1, Security = SmtpSecurity.None, TimeoutSeconds = 5 }),
            Options.Create(new EmailOptions()), NullLogger<SmtpEmailTransport>.Instance);

        var result = await nowhere.SendAsync(Email(12), CancellationToken.None);

        Assert.Equal(EmailSendOutcome.Transient, result.Outcome);
    }
}
