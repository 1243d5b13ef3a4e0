using System.Globalization;

namespace PatientMessageExchange.Benchmarks;

/// <param name="Target">The ratio ours/baseline should stay at or under (or, with <see cref="HigherIsBetter"/>, at or over).</param>
/// <param name="Note">Anything a reader needs, such as whether both sides produced the same answer.</param>
public sealed record BenchmarkResult(string Name, string Workload, TimeSpan Ours, TimeSpan Baseline, double Target, string Note)
{
    /// <summary>For rates (messages/s, requests/s): the ratio must reach the target rather than stay under it.</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>A ratio measured some other way than from the two times, e.g. from two rates or a count.</summary>
    public double? MeasuredRatio { get; init; }

    /// <summary>How to show our figure when it is not a time, e.g. "1,234 msg/s".</summary>
    public string? OursText { get; init; }

    public string? BaselineText { get; init; }

    /// <summary>Why the benchmark could not measure on this machine (a missing tool); the row says so instead of a ratio.</summary>
    public string? SkipReason { get; init; }

    public double Ratio => MeasuredRatio
        ?? (HigherIsBetter
            ? (Ours.TotalMilliseconds <= 0 ? double.PositiveInfinity : Baseline.TotalMilliseconds / Ours.TotalMilliseconds)
            : (Baseline.TotalMilliseconds <= 0 ? double.PositiveInfinity : Ours.TotalMilliseconds / Baseline.TotalMilliseconds));

    public bool MeetsTarget => Passed ?? (HigherIsBetter ? Ratio >= Target : Ratio <= Target);

    /// <summary>For a benchmark with an absolute target (such as peak memory) instead of a ratio: its own cells and verdict.</summary>
    public string? RatioText { get; init; }

    public string? TargetText { get; init; }

    public bool? Passed { get; init; }

    public string OursDisplay => OursText ?? string.Create(CultureInfo.InvariantCulture, $"{Ours.TotalMilliseconds:N0} ms");

    public string BaselineDisplay => BaselineText ?? string.Create(CultureInfo.InvariantCulture, $"{Baseline.TotalMilliseconds:N0} ms");

    public string TargetDisplay => TargetText ?? string.Create(CultureInfo.InvariantCulture, $"{(HigherIsBetter ? "≥" : "≤")} {Target:0.0##}");

    /// <summary>A rate comparison: ratio = ours / baseline, and it should reach <paramref name="target"/>.</summary>
    public static BenchmarkResult Skipped(string name, string workload, double target, bool higherIsBetter, string reason) =>
        new(name, workload, TimeSpan.Zero, TimeSpan.Zero, target, reason)
        {
            HigherIsBetter = higherIsBetter, MeasuredRatio = double.NaN, OursText = "–", BaselineText = "–", SkipReason = reason,
        };

    public static BenchmarkResult Rates(string name, string workload, double ours, double baseline, string unit, double target,
        string note) =>
        new(name, workload, TimeSpan.Zero, TimeSpan.Zero, target, note)
        {
            HigherIsBetter = true,
            MeasuredRatio = baseline <= 0 ? double.PositiveInfinity : ours / baseline,
            OursText = string.Create(CultureInfo.InvariantCulture, $"{ours:N0} {unit}"),
            BaselineText = string.Create(CultureInfo.InvariantCulture, $"{baseline:N0} {unit}"),
        };
}
