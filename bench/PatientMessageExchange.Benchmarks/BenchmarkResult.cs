namespace PatientMessageExchange.Benchmarks;

/// <param name="Target">The ratio ours/baseline should stay at or under.</param>
/// <param name="Note">Anything a reader needs, such as whether both sides produced the same answer.</param>
public sealed record BenchmarkResult(string Name, string Workload, TimeSpan Ours, TimeSpan Baseline, double Target, string Note)
{
    public double Ratio => Baseline.TotalMilliseconds <= 0 ? double.PositiveInfinity : Ours.TotalMilliseconds / Baseline.TotalMilliseconds;

    public bool MeetsTarget => Passed ?? Ratio <= Target;

    /// <summary>For a benchmark with an absolute target (such as peak memory) instead of a ratio: its own cells and verdict.</summary>
    public string? OursText { get; init; }
    public string? BaselineText { get; init; }
    public string? RatioText { get; init; }
    public string? TargetText { get; init; }
    public bool? Passed { get; init; }
}
