using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PatientMessageExchange.Benchmarks.Broadcasts;

/// <summary>
/// An SMTP server on loopback inside the benchmark process that keeps nothing but counts: messages, distinct
/// recipients, and messages carrying both one-click unsubscribe headers. Sockets have Nagle off, as the app's client does.
/// </summary>
public sealed class CountingSmtpSink : IAsyncDisposable
{
    private static readonly byte[] PostHeader = Encoding.ASCII.GetBytes("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // MimeKit folds the URL onto the next line, so only the name is matched here and the path below.
    private static readonly byte[] UrlHeader = Encoding.ASCII.GetBytes("List-Unsubscribe:");
    private static readonly byte[] UrlPath = Encoding.ASCII.GetBytes("/u/");

    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly HashSet<string> _recipients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private int _messages;
    private int _withHeaders;
    private int _repeats;
    private int _dumped;

    private CountingSmtpSink(Listeners listeners)
    {
        var options = new SmtpServerOptionsBuilder().ServerName("bench.sink")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; private set; }

    /// <summary>Exceptions thrown while storing a message, which the server answered with 554.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> StoreErrors { get; } = new();

    public int Messages => Volatile.Read(ref _messages);

    public int WithHeaders => Volatile.Read(ref _withHeaders);

    public int Repeats => Volatile.Read(ref _repeats);

    public int DistinctRecipients
    {
        get
        {
            lock (_gate)
            {
                return _recipients.Count;
            }
        }
    }

    public static async Task<CountingSmtpSink> StartAsync()
    {
        var listeners = new Listeners();
        var sink = new CountingSmtpSink(listeners);
        sink.Port = await listeners.Port.WaitAsync(TimeSpan.FromSeconds(10));
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

    private sealed class Store(CountingSmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
                var bytes = buffer.ToArray();
                if (Interlocked.Exchange(ref sink._dumped, 1) == 0 && Environment.GetEnvironmentVariable("PMX_BENCH_DUMP") is { } dump)
                {
                    File.WriteAllBytes(dump, bytes);
                }
                if (bytes.AsSpan().IndexOf(PostHeader) >= 0 && bytes.AsSpan().IndexOf(UrlHeader) >= 0 && bytes.AsSpan().IndexOf(UrlPath) >= 0)
                {
                    Interlocked.Increment(ref sink._withHeaders);
                }
                Interlocked.Increment(ref sink._messages);
                lock (sink._gate)
                {
                    foreach (var to in transaction.To)
                    {
                        if (!sink._recipients.Add(to.AsAddress()))
                        {
                            sink._repeats++;
                        }
                    }
                }
                return Task.FromResult(SmtpResponse.Ok);
            }
            catch (Exception ex)
            {
                // SmtpServer turns an exception here into "554"; remember it so the benchmark can say what happened.
                sink.StoreErrors.Enqueue(ex.GetType().Name + ": " + ex.Message);
                throw;
            }
        }
    }

    private sealed class Listeners : IEndpointListenerFactory
    {
        private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> Port => _port.Task;

        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            _port.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
            return new Listener(listener);
        }
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
            return new PlainPipe(socket);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream;

        public PlainPipe(Socket socket)
        {
            _stream = new NetworkStream(socket, ownsSocket: true);
            Input = PipeReader.Create(_stream);
            Output = PipeWriter.Create(_stream);
        }

        public PipeReader Input { get; }
        public PipeWriter Output { get; }
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The benchmark sink does not offer TLS.");

        public void Dispose() => _stream.Dispose();
    }
}
