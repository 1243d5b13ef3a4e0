using System.Net;
using System.Net.Sockets;

namespace PatientMessageExchange.SmtpSink;

/// <summary>
/// Listens on 127.0.0.1 and a free port. Accepted sockets get <c>NoDelay</c>: with Nagle's algorithm on, the reply
/// to a large DATA waits for the client's delayed ACK (~40 ms), and the sink, not the sender, would set the pace.
/// </summary>
public sealed class SinkServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _messages;
    private long _bytes;
    private long _sessions;

    private SinkServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(backlog: 512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>DATA bytes received (each line plus its CRLF, without the final dot).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public long Sessions => Interlocked.Read(ref _sessions);

    public static SinkServer Start() => new();

    public void Reset()
    {
        Interlocked.Exchange(ref _messages, 0);
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _sessions, 0);
    }

    internal void Received(long bytes)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, bytes);
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            socket.NoDelay = true;
            Interlocked.Increment(ref _sessions);
            _ = Task.Run(() => new SinkSession(socket, this).RunAsync(ct), ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
        _stop.Dispose();
    }
}
