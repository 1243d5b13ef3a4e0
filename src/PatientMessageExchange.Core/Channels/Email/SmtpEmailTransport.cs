using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PatientMessageExchange.Core.Channels.Email;

/// <summary>
/// Sends through an SMTP server over a small pool of reused connections. Each socket is connected with
/// <c>NoDelay</c> set: MailKit leaves Nagle's algorithm on, which stalls every message over about 4 KB by ~40 ms.
/// The server's reply decides the outcome; nothing here retries, the dispatcher does.
/// </summary>
public sealed class SmtpEmailTransport : IEmailTransport, IAsyncDisposable
{
    private readonly SmtpOptions _smtp;
    private readonly EmailOptions _email;
    private readonly ILogger<SmtpEmailTransport> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<DsnSmtpClient> _idle = [];

    public SmtpEmailTransport(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email, ILogger<SmtpEmailTransport> logger)
    {
        _smtp = smtp.Value;
        _email = email.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_smtp.PoolSize, _smtp.PoolSize);
    }

    public async Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var message = MimeMessageFactory.Create(email, _email.FromAddress, email.FromName, _email.IdDomain);
        await _slots.WaitAsync(ct);
        DsnSmtpClient? client = null;
        try
        {
            client = await RentConnectedAsync(ct);
            await client.SendAsync(message, ct);
            _idle.Add(client);
            client = null;
            return EmailSendResult.Accepted(message.MessageId);
        }
        catch (SmtpCommandException ex)
        {
            // The session is still usable after a refused command: MailKit has reset the transaction.
            if (client is { IsConnected: true })
            {
                _idle.Add(client);
                client = null;
            }
            var result = Classify(ex);
            _logger.LogInformation("SMTP refused message {MessageId}: {StatusCode} ({Outcome})",
                email.MessageId, (int)ex.StatusCode, result.Outcome);
            return result;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                                       or AuthenticationException or SslHandshakeException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // A connection lost before the final reply may have delivered the message; the dispatcher retries it
            // (a possible duplicate email) but charges only on an accepted reply (never a duplicate charge).
            _logger.LogWarning("SMTP connection failed for message {MessageId}: {Error}", email.MessageId, ex.GetType().Name);
            return new EmailSendResult(EmailSendOutcome.Transient, null, $"Connection to the mail server failed ({ex.GetType().Name}).");
        }
        finally
        {
            if (client is not null)
            {
                await DiscardAsync(client);
            }
            _slots.Release();
        }
    }

    internal static EmailSendResult Classify(SmtpCommandException ex)
    {
        var code = (int)ex.StatusCode;
        var detail = Truncate($"{code} {ex.Message}", 300);
        if (code is >= 400 and < 500)
        {
            return new EmailSendResult(EmailSendOutcome.Transient, null, detail);
        }
        var enhancedMailboxStatus = ex.Message.TrimStart().StartsWith("5.1.", StringComparison.Ordinal);
        if (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted || enhancedMailboxStatus)
        {
            return new EmailSendResult(EmailSendOutcome.RecipientRejected, null, detail);
        }
        return new EmailSendResult(EmailSendOutcome.Permanent, null, detail);
    }

    private async Task<DsnSmtpClient> RentConnectedAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.IsConnected)
            {
                return pooled;
            }
            await DiscardAsync(pooled);
        }
        var client = new DsnSmtpClient { Timeout = _smtp.TimeoutSeconds * 1000 };
        try
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_smtp.Host, _smtp.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, _smtp.Host, _smtp.Port, SocketOptions(_smtp.Security), ct);
            if (!string.IsNullOrEmpty(_smtp.UserName))
            {
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", ct);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private static async Task DiscardAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(true);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // Already broken; dropping it is all that is left to do.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            await DiscardAsync(client);
        }
        _slots.Dispose();
    }
}
