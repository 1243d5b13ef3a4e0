using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Dispatch;

public class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>Messages per batch, and so per job.</summary>
    [Range(10, 5000)]
    public int BatchSize { get; set; } = 250;

    /// <summary>How long a claimed batch or message belongs to its worker before another may take it over.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a message is "Failed – needs attention" and its credits are released.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Waits before the 2nd, 3rd… attempt after a temporary failure; the last value repeats.</summary>
    public TimeSpan[] RetryDelays { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>
    /// Times deciding a channel fallback may throw before the sweeper stops trying: the failed message is then
    /// "Failed – needs attention" and listed on the Fix records worklist.
    /// </summary>
    [Range(1, 20)]
    public int FallbackMaxAttempts { get; set; } = 5;

    /// <summary>The wait after a fallback's first throw; it doubles after each further one (1, 2, 4, 8 minutes…).</summary>
    public TimeSpan FallbackRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Email senders at once within one batch. Each sender sends one message, then waits until its result is committed
    /// before it sends the next (so a crash repeats at most one message per sender, R14); with two senders per SMTP
    /// connection one of them is usually on the wire while the other waits for its commit. Twice the pool size.
    /// </summary>
    [Range(1, 64)]
    public int EmailConcurrency { get; set; } = 8;

    /// <summary>Texts and calls go out only between these local times in the practice's time zone.</summary>
    public TimeOnly SendWindowStart { get; set; } = new(8, 0);

    public TimeOnly SendWindowEnd { get; set; } = new(20, 0);

    /// <summary>Whether email also waits for the send window (off by default: email does not ring anyone).</summary>
    public bool SendWindowAppliesToEmail { get; set; }

    /// <summary>How often the sweeper runs, in minutes (Hangfire's smallest recurring interval is one minute).</summary>
    [Range(1, 60)]
    public int SweepMinutes { get; set; } = 1;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>The wait after the fallback's <paramref name="attempts"/>th throw: the first delay, doubled each time.</summary>
    public TimeSpan FallbackDelay(int attempts) =>
        FallbackRetryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));

    public TimeSpan RetryDelay(int attempt) =>
        RetryDelays.Length == 0 ? TimeSpan.FromMinutes(5) : RetryDelays[Math.Clamp(attempt - 1, 0, RetryDelays.Length - 1)];
}
