using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port, for tests. It keeps what it receives and can be scripted to
/// refuse recipients (at RCPT), answer DATA with any code, or drop the connection before its final reply.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly NoDelayEndpointListenerFactory _listeners = new();
    private readonly Task _running;

    private SmtpSink()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_listeners);
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    public ConcurrentQueue<ReceivedEmail> Received { get; } = new();

    public int Port { get; private set; }

    private int _sessions;

    /// <summary>How many SMTP sessions (connections) the server has accepted.</summary>
    public int SessionCount => Volatile.Read(ref _sessions);

    /// <summary>How long the server takes before answering each message's DATA, like a busy relay.</summary>
    public TimeSpan DataDelay { get; set; }

    /// <summary>Recipients refused at RCPT TO with 550 5.1.1.</summary>
    public ConcurrentDictionary<string, bool> UnknownMailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replies to DATA, used one by one before falling back to accepting with 250.</summary>
    public ConcurrentQueue<SmtpResponse> ScriptedDataReplies { get; } = new();

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        sink.Port = await sink._listeners.Port.WaitAsync(TimeSpan.FromSeconds(10));
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.DataDelay > TimeSpan.Zero)
            {
                await Task.Delay(sink.DataDelay, cancellationToken);
            }
            if (sink.ScriptedDataReplies.TryDequeue(out var scripted))
            {
                return scripted;
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            transaction.Parameters.TryGetValue("ENVID", out var envelopeId);
            sink.Received.Enqueue(new ReceivedEmail(
                transaction.From.AsAddress(),
                transaction.To.Select(t => t.AsAddress()).ToList(),
                message,
                envelopeId));
            if (sink._droppingNext && context.Pipe is AbortableSocketPipe pipe)
            {
                sink._droppingNext = false;
                pipe.Abort();
                throw new IOException("Scripted drop before the final reply.");
            }
            return SmtpResponse.Ok;
        }
    }

    private volatile bool _droppingNext;

    /// <summary>The next message is stored, then the connection is cut before the server's 250.</summary>
    public void DropNextBeforeFinalReply() => _droppingNext = true;

    private sealed class Filter(SmtpSink sink) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (sink.UnknownMailboxes.ContainsKey(to.AsAddress()))
            {
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such mailbox here"));
            }
            return Task.FromResult(true);
        }
    }
}
