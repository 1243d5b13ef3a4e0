using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PatientMessageExchange.Benchmarks;

/// <summary>Picks benchmarks by name from the command line, runs them one after another and prints one row each.</summary>
public sealed class BenchmarkRunner(IReadOnlyList<IBenchmark> benchmarks)
{
    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var quick = args.Contains("--quick");
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var chosen = names.Count == 0
            ? benchmarks.ToList()
            : benchmarks.Where(b => names.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var unknown = names.Where(n => benchmarks.All(b => !b.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: " +
                string.Join(", ", benchmarks.Select(b => $"{b.Name} ({b.Description})")));
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "pmx-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new BenchmarkOptions(quick, folder);
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "quick" : "full")} run, " +
                          $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine("| benchmark | workload | ours | baseline | ratio | target | note |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var failed = 0;
        try
        {
            foreach (var benchmark in chosen)
            {
                var result = await benchmark.RunAsync(options, ct);
                failed += result.MeetsTarget ? 0 : 1;
                var ours = result.OursText ?? string.Create(CultureInfo.InvariantCulture, $"{result.Ours.TotalMilliseconds:N0} ms");
                var baseline = result.BaselineText ?? string.Create(CultureInfo.InvariantCulture, $"{result.Baseline.TotalMilliseconds:N0} ms");
                var ratio = result.RatioText ?? result.Ratio.ToString("N2", CultureInfo.InvariantCulture);
                var target = result.TargetText ?? string.Create(CultureInfo.InvariantCulture, $"≤ {result.Target:N1}");
                Console.WriteLine($"| {result.Name} | {result.Workload} | {ours} | {baseline} | {ratio} | {target} {(result.MeetsTarget ? "✓" : "✗")} | {result.Note} |");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return failed == 0 ? 0 : 1;
    }
}
