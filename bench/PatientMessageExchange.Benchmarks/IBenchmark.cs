namespace PatientMessageExchange.Benchmarks;

/// <summary>One named workload, timed against a baseline doing the same work in the same run.</summary>
public interface IBenchmark
{
    /// <summary>Short id used on the command line and in docs/benchmarks.md, e.g. "P1".</summary>
    string Name { get; }

    string Description { get; }

    Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct);

    /// <summary>
    /// Every row the benchmark reports. Most report one; a benchmark with several sizes or several targets (B1's two
    /// message sizes, B2's jobs per message) implements this and reports them all.
    /// </summary>
    async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(BenchmarkOptions options, CancellationToken ct) =>
        [await RunAsync(options, ct)];
}
