namespace PatientMessageExchange.Benchmarks.Web;

/// <summary>What wrk reported for one run: throughput, latency percentiles, and any errors it counted.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests,
    long NonSuccess, string SocketErrors);
