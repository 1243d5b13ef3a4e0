using PatientMessageExchange.SmtpSink;

// A loopback SMTP server that accepts everything, counts messages and bytes, and discards the bodies.
// It prints "PORT <n>" once listening, then answers commands on standard input:
//   COUNT  -> "COUNT <messages> <bytes> <sessions>"
//   RESET  -> "OK" after zeroing the counters
// It exits when standard input closes, so it never outlives the benchmark that started it.
await using var sink = SinkServer.Start();
Console.Out.WriteLine($"PORT {sink.Port}");
Console.Out.Flush();
while (await Console.In.ReadLineAsync() is { } line)
{
    switch (line.Trim().ToUpperInvariant())
    {
        case "COUNT":
            Console.Out.WriteLine($"COUNT {sink.Messages} {sink.Bytes} {sink.Sessions}");
            break;
        case "RESET":
            sink.Reset();
            Console.Out.WriteLine("OK");
            break;
        default:
            Console.Out.WriteLine($"ERR unknown command");
            break;
    }
    Console.Out.Flush();
}
