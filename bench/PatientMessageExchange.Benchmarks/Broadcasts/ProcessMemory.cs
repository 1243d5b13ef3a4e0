using System.Diagnostics;

namespace PatientMessageExchange.Benchmarks.Broadcasts;

/// <summary>The process's resident memory now and at its peak (Linux VmRSS/VmHWM; elsewhere the Process counters).</summary>
public static class ProcessMemory
{
    public static long PeakBytes() => ReadStatus("VmHWM:") ?? Refreshed().PeakWorkingSet64;

    public static long CurrentBytes() => ReadStatus("VmRSS:") ?? Refreshed().WorkingSet64;

    private static Process Refreshed()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process;
    }

    private static long? ReadStatus(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line?[field.Length..].Trim().Split(' ')[0];
        return long.TryParse(kilobytes, out var kb) ? kb * 1024 : null;
    }
}
