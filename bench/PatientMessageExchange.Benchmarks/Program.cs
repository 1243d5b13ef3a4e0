using PatientMessageExchange.Benchmarks;
using PatientMessageExchange.Benchmarks.Resolution;

// dotnet run -c Release --project bench/PatientMessageExchange.Benchmarks -- [P1 ...] [--quick]
IBenchmark[] benchmarks =
[
    new P1ResolutionBenchmark(),
];
return await new BenchmarkRunner(benchmarks).RunAsync(args, CancellationToken.None);
