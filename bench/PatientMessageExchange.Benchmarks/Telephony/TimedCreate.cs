namespace PatientMessageExchange.Benchmarks.Telephony;

/// <summary>One create request as the fake received it: when (Stopwatch ticks), to whom, and whether it was accepted.</summary>
public sealed record TimedCreate(long ArrivedTicks, string To, bool Accepted, string? Sid);
