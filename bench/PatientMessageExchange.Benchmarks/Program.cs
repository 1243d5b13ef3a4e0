using PatientMessageExchange.Benchmarks;
using PatientMessageExchange.Benchmarks.Broadcasts;
using PatientMessageExchange.Benchmarks.Campaigns;
using PatientMessageExchange.Benchmarks.Ehr;
using PatientMessageExchange.Benchmarks.Email;
using PatientMessageExchange.Benchmarks.Import;
using PatientMessageExchange.Benchmarks.Reports;
using PatientMessageExchange.Benchmarks.Resolution;
using PatientMessageExchange.Benchmarks.Telephony;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Benchmarks.Web;

// dotnet run -c Release --project bench/PatientMessageExchange.Benchmarks -- [P1 B1 B2 B3-sms B3-voice B4 B5 B6 B7 M1 M2 M3 ...] [--quick] [--strict]
// M1 and M2 measure the process's peak memory, so they run first: memory the runtime took for an earlier benchmark (B5
// seeds a million rows) is not given back to the system, and its peak could not be told apart from theirs.
IBenchmark[] benchmarks =
[
    new M2PatientImportBenchmark(),
    new M1BroadcastBenchmark(),
    new M3FhirSyncBenchmark(),
    new P1ResolutionBenchmark(),
    new B1EmailDispatchBenchmark(),
    new B2HangfireDispatchBenchmark(),
    new B4CampaignCreationBenchmark(),
    new B4CampaignCreationBenchmark(DatabaseProvider.PostgreSql),
    new B5MessagesSentBenchmark(),
    new B5MessagesSentBenchmark(DatabaseProvider.PostgreSql),
    new PatientMessageExchange.Benchmarks.Automation.B7AutomationTickBenchmark(),
    new B6PageLoadBenchmark(),
    new B3PacingBenchmark(Channel.Sms),
    new B3PacingBenchmark(Channel.Voice),
];
return await new BenchmarkRunner(benchmarks).RunAsync(args, CancellationToken.None);
