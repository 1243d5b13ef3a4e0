using System.Diagnostics;

namespace PatientMessageExchange.Benchmarks;

public static class Stopwatches
{
    /// <summary>Runs the action once to warm up, then <paramref name="repetitions"/> times, and returns the median.</summary>
    public static async Task<TimeSpan> MedianAsync(int repetitions, Func<Task> action)
    {
        await action();
        var times = new List<TimeSpan>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
