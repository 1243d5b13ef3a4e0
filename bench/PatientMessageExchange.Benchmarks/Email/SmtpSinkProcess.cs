using System.Diagnostics;
using System.Globalization;

namespace PatientMessageExchange.Benchmarks.Email;

/// <summary>
/// The SMTP sink (bench/PatientMessageExchange.SmtpSink) in a process of its own, so that its work is not charged to
/// the sender's CPU budget inside this process. Talks to it over standard input and output.
/// </summary>
public sealed class SmtpSinkProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SemaphoreSlim _talk = new(1, 1);

    private SmtpSinkProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSinkProcess> StartAsync(CancellationToken ct)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PatientMessageExchange.SmtpSink.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The SMTP sink was not built beside the benchmarks.", dll);
        }
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        // When the benchmark runs under dotnet-trace, the sink must not inherit the tracer's paused start-up.
        start.Environment.Remove("DOTNET_DiagnosticPorts");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct);
            if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The SMTP sink did not report its port (it said \"{line}\").");
            }
            return new SmtpSinkProcess(process, int.Parse(line[5..], CultureInfo.InvariantCulture));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Messages and DATA bytes received since the last reset.</summary>
    public async Task<(long Messages, long Bytes)> CountAsync(CancellationToken ct)
    {
        var parts = (await AskAsync("COUNT", ct)).Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public Task ResetAsync(CancellationToken ct) => AskAsync("RESET", ct);

    private async Task<string> AskAsync(string command, CancellationToken ct)
    {
        await _talk.WaitAsync(ct);
        try
        {
            await _process.StandardInput.WriteLineAsync(command.AsMemory(), ct);
            await _process.StandardInput.FlushAsync(ct);
            return await _process.StandardOutput.ReadLineAsync(ct)
                   ?? throw new InvalidOperationException("The SMTP sink exited.");
        }
        finally
        {
            _talk.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
        {
            _process.Kill();
        }
        _process.Dispose();
        _talk.Dispose();
    }
}
