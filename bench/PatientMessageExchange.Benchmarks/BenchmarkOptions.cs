namespace PatientMessageExchange.Benchmarks;

/// <param name="Quick">A small data set, for checking that a benchmark runs rather than for numbers.</param>
/// <param name="WorkFolder">Where benchmarks put their database files; deleted afterwards.</param>
public sealed record BenchmarkOptions(bool Quick, string WorkFolder, int Repetitions = 5);
