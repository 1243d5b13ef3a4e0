using PatientMessageExchange.Benchmarks;
using PatientMessageExchange.Benchmarks.Reports;
using PatientMessageExchange.Benchmarks.Resolution;

// dotnet run -c Release --project bench/PatientMessageExchange.Benchmarks -- [P1 B5 ...] [--quick]
IBenchmark[] benchmarks =
[
    new P1ResolutionBenchmark(),
    new B5MessagesSentBenchmark(),
];
return await new BenchmarkRunner(benchmarks).RunAsync(args, CancellationToken.None);
