using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace PatientMessageExchange.SmtpSink;

/// <summary>
/// One SMTP session: accepts any sender and recipient, reads DATA up to the lone dot and throws it away. Replies are
/// buffered and flushed once per read, so a pipelined MAIL/RCPT/DATA gets its replies in one segment.
/// </summary>
internal sealed class SinkSession(Socket socket, SinkServer server)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        var writer = PipeWriter.Create(stream);
        try
        {
            writer.Write("220 sink.local ESMTP ready\r\n"u8);
            await writer.FlushAsync(ct);
            var inData = false;
            long dataBytes = 0;
            var quit = false;
            while (!quit)
            {
                var read = await reader.ReadAsync(ct);
                var buffer = read.Buffer;
                var reply = false;
                while (!quit && TryReadLine(ref buffer, out var line))
                {
                    if (inData)
                    {
                        if (line.Length == 1 && line.FirstSpan[0] == (byte)'.')
                        {
                            inData = false;
                            server.Received(dataBytes);
                            dataBytes = 0;
                            writer.Write("250 2.0.0 Ok: queued\r\n"u8);
                            reply = true;
                        }
                        else
                        {
                            dataBytes += line.Length + 2;
                        }
                        continue;
                    }
                    reply = true;
                    switch (Verb(line))
                    {
                        case "EHLO":
                            writer.Write("250-sink.local\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-DSN\r\n250 SIZE 52428800\r\n"u8);
                            break;
                        case "HELO":
                            writer.Write("250 sink.local\r\n"u8);
                            break;
                        case "MAIL":
                        case "RCPT":
                        case "RSET":
                        case "NOOP":
                            writer.Write("250 2.0.0 Ok\r\n"u8);
                            break;
                        case "DATA":
                            inData = true;
                            writer.Write("354 End data with <CR><LF>.<CR><LF>\r\n"u8);
                            break;
                        case "QUIT":
                            writer.Write("221 2.0.0 Bye\r\n"u8);
                            quit = true;
                            break;
                        default:
                            writer.Write("502 5.5.2 Command not recognized\r\n"u8);
                            break;
                    }
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (reply)
                {
                    await writer.FlushAsync(ct);
                }
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // The client went away or the sink is stopping.
        }
        finally
        {
            await reader.CompleteAsync();
            await writer.CompleteAsync();
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out line, "\r\n"u8))
        {
            buffer = buffer.Slice(reader.Position);
            return true;
        }
        return false;
    }

    private static string Verb(ReadOnlySequence<byte> line)
    {
        Span<byte> verb = stackalloc byte[4];
        if (line.Length < 4)
        {
            return "";
        }
        line.Slice(0, 4).CopyTo(verb);
        for (var i = 0; i < 4; i++)
        {
            verb[i] = (byte)(verb[i] & 0xDF);
        }
        return verb switch
        {
            _ when verb.SequenceEqual("EHLO"u8) => "EHLO",
            _ when verb.SequenceEqual("HELO"u8) => "HELO",
            _ when verb.SequenceEqual("MAIL"u8) => "MAIL",
            _ when verb.SequenceEqual("RCPT"u8) => "RCPT",
            _ when verb.SequenceEqual("DATA"u8) => "DATA",
            _ when verb.SequenceEqual("RSET"u8) => "RSET",
            _ when verb.SequenceEqual("NOOP"u8) => "NOOP",
            _ when verb.SequenceEqual("QUIT"u8) => "QUIT",
            _ => "",
        };
    }
}
