namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Paces sends to at most <c>ratePerSecond</c> in any one-second window, as the carrier counts them when they arrive.
/// Permits are spaced <see cref="Spacing"/> apart, measured from the moment the previous one was actually granted: a
/// caller woken late (a busy thread pool, a GC) does not release the permits queued behind it in a burst, which
/// slots handed out in advance would. The spacing is one second plus <see cref="Margin"/> over the rate, so that
/// <c>rate + 1</c> permits always span more than a second even when the network delays one request by up to the margin
/// more than another (measured: B3 in docs/benchmarks.md). There is no burst allowance. Shared by every batch of a
/// channel in the process.
/// </summary>
public sealed class TokenBucket(int ratePerSecond, TimeProvider clock)
{
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private DateTimeOffset _lastGrantUtc = DateTimeOffset.MinValue;

    public int RatePerSecond { get; } = Math.Max(1, ratePerSecond);

    // Rounded up, so that rate × spacing never falls short of the window.
    public TimeSpan Spacing => TimeSpan.FromTicks((TimeSpan.TicksPerSecond + Margin.Ticks + RatePerSecond - 1) / RatePerSecond);

    /// <summary>Takes a permit if one is due now (returns zero); otherwise returns how long to wait before asking again.</summary>
    public TimeSpan TryTake()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_lastGrantUtc != DateTimeOffset.MinValue && _lastGrantUtc + Spacing > now)
            {
                return _lastGrantUtc + Spacing - now;
            }
            _lastGrantUtc = now;
            return TimeSpan.Zero;
        }
    }

    /// <summary>Waits until this caller holds a permit.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (TryTake() is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, ct);
        }
    }
}
