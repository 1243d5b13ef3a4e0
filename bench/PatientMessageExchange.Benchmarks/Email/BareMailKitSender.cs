using System.Diagnostics;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PatientMessageExchange.Benchmarks.Email;

/// <summary>
/// The baseline: MailKit and nothing else. A pool of connections, each on a socket with <c>NoDelay</c> set (as ours),
/// each sending pre-built messages one after another, with no database, no claims and no ledger.
/// </summary>
public static class BareMailKitSender
{
    public static async Task<TimeSpan> SendAllAsync(IReadOnlyList<MimeMessage> messages, string host, int port, int poolSize,
        CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, poolSize).Select(_ => Task.Run(async () =>
        {
            using var client = new SmtpClient();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(host, port, ct);
            await client.ConnectAsync(socket, host, port, SecureSocketOptions.None, ct);
            int index;
            while ((index = Interlocked.Increment(ref next)) < messages.Count)
            {
                await client.SendAsync(messages[index], ct);
            }
            await client.DisconnectAsync(true, ct);
        }, ct)));
        return watch.Elapsed;
    }
}
