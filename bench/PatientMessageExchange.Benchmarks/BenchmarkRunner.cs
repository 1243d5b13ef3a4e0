using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PatientMessageExchange.Benchmarks;

/// <summary>
/// Picks benchmarks by name from the command line, runs them one after another and prints one row per result.
/// Exit code: 0 when every benchmark ran, whether its ratios passed or fell short (quick mode never judges ratios,
/// and a short full run is a finding to document, not a crash); 1 when a benchmark crashed, or with <c>--strict</c>
/// when a full-run ratio fell short; 2 for an unknown benchmark name.
/// </summary>
public sealed class BenchmarkRunner(IReadOnlyList<IBenchmark> benchmarks)
{
    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var quick = args.Contains("--quick");
        var strict = args.Contains("--strict");
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
        // The table goes to standard output; whatever the hosted app logs (Hangfire's start-up lines, warnings) goes
        // to standard error, so that `> results.md` captures the table alone.
        var table = Console.Out;
        Console.SetOut(Console.Error);
        table.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "quick" : "full")} run, " +
                          $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        table.WriteLine();
        table.WriteLine("| benchmark | workload | ours | baseline | ratio | target | result | note |");
        table.WriteLine("|---|---|---|---|---|---|---|---|");
        var crashed = 0;
        var shortRows = 0;
        try
        {
            foreach (var benchmark in chosen)
            {
                IReadOnlyList<BenchmarkResult> results;
                try
                {
                    results = await benchmark.RunAllAsync(options, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    crashed++;
                    table.WriteLine($"| {benchmark.Name} | {benchmark.Description} | – | – | – | – | crashed | {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} |");
                    await Console.Error.WriteLineAsync($"{benchmark.Name} crashed: {ex}");
                    continue;
                }
                foreach (var result in results)
                {
                    var verdict = result.SkipReason is not null ? "skipped" : result.MeetsTarget ? "pass" : "short";
                    shortRows += verdict == "short" ? 1 : 0;
                    var ratio = result.RatioText ?? (double.IsNaN(result.Ratio) ? "–" : result.Ratio.ToString("N2", CultureInfo.InvariantCulture));
                    table.WriteLine($"| {result.Name} | {result.Workload} | {result.OursDisplay} | {result.BaselineDisplay} | {ratio} | {result.TargetDisplay} | {verdict} | {result.Note} |");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still be letting go of a file; the temp folder is cleaned eventually.
            }
            Console.SetOut(table);
        }
        table.WriteLine();
        table.WriteLine($"{chosen.Count} benchmark(s), {crashed} crashed, {shortRows} row(s) short of target" +
                          (quick ? " (quick mode: ratios are not judged)" : ""));
        if (crashed > 0)
        {
            return 1;
        }
        return strict && !quick && shortRows > 0 ? 1 : 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
