namespace PatientMessageExchange.Benchmarks;

/// <summary>One named workload, timed against a baseline doing the same work in the same run.</summary>
public interface IBenchmark
{
    /// <summary>Short id used on the command line and in docs/benchmarks.md, e.g. "P1".</summary>
    string Name { get; }

    string Description { get; }

    Task<BenchmarkResult> RunAsync(BenchmarkOptions options, CancellationToken ct);
}
