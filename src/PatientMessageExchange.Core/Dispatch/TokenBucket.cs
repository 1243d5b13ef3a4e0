namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Paces sends to at most <c>ratePerSecond</c> in any one-second window: each permit gets its own slot, spaced
/// 1/rate apart, and the caller waits for its slot. There is no burst allowance, because a burst plus the refill
/// would exceed the carrier's cap within a second. Shared by every batch of a channel in the process.
/// </summary>
public sealed class TokenBucket(int ratePerSecond, TimeProvider clock)
{
    // Rounded up: 1 s / 3 rounded down would fit a fourth permit into one second.
    private readonly TimeSpan _interval = TimeSpan.FromTicks((TimeSpan.TicksPerSecond + Math.Max(1, ratePerSecond) - 1) / Math.Max(1, ratePerSecond));
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlotUtc = DateTimeOffset.MinValue;

    public int RatePerSecond { get; } = ratePerSecond;

    /// <summary>Takes the next slot and returns when it is due (now, or later).</summary>
    public DateTimeOffset Reserve()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var slot = _nextSlotUtc > now ? _nextSlotUtc : now;
            _nextSlotUtc = slot + _interval;
            return slot;
        }
    }

    /// <summary>Waits for the next slot.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        var slot = Reserve();
        var wait = slot - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, ct);
        }
    }
}
