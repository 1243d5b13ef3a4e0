using System.Diagnostics;

namespace PatientMessageExchange.Benchmarks.Broadcasts;

/// <summary>The process's resident memory now and at its peak (Linux VmRSS/VmHWM; elsewhere the Process counters).</summary>
public static class ProcessMemory
{
    public static long PeakBytes() => ReadStatus("VmHWM:") ?? Refreshed().PeakWorkingSet64;

    public static long CurrentBytes() => ReadStatus("VmRSS:") ?? Refreshed().WorkingSet64;

    /// <summary>
    /// Starts the peak afresh (Linux: writing 5 to /proc/self/clear_refs resets VmHWM to the current RSS), so that a
    /// benchmark run after others in the same process measures its own peak, not theirs. Returns whether it could.
    /// </summary>
    public static bool ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

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
