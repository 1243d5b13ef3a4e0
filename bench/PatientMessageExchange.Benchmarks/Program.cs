using PatientMessageExchange.Benchmarks;
using PatientMessageExchange.Benchmarks.Broadcasts;
using PatientMessageExchange.Benchmarks.Reports;
using PatientMessageExchange.Benchmarks.Resolution;
using PatientMessageExchange.Benchmarks.Telephony;
using PatientMessageExchange.Core.Campaigns;

// dotnet run -c Release --project bench/PatientMessageExchange.Benchmarks -- [P1 B5 M1 ...] [--quick]
IBenchmark[] benchmarks =
[
    new P1ResolutionBenchmark(),
    new B5MessagesSentBenchmark(),
    new M1BroadcastBenchmark(),
    new B3PacingBenchmark(Channel.Sms),
    new B3PacingBenchmark(Channel.Voice),
];
return await new BenchmarkRunner(benchmarks).RunAsync(args, CancellationToken.None);
