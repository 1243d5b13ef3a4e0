namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Paces sends to at most <c>ratePerSecond</c> in any one-second window, as the carrier counts them when they arrive.
/// It keeps a log of the last <c>rate</c> grants: a permit is granted only when the grant <c>rate</c> places back is at
/// least <see cref="Window"/> (one second plus <see cref="Margin"/>) old, so <c>rate + 1</c> requests never arrive
/// within one second even when the network delays one of them by up to the margin more than another. Permits are
/// also at least <see cref="MinimumGap"/> (three quarters of the even spacing) apart, so they go out as a steady stream
/// rather than a burst at the start of each window, which would turn a little network jitter into several requests
/// over the cap. A caller woken late (a busy thread pool, a GC) loses nothing: the permits
/// behind it may follow at the minimum gap until the log is full again, which keeps the achieved rate at
/// rate ÷ (1 + margin) over any stretch of work (measured: B3 in docs/benchmarks.md). Shared by every batch of a
/// channel in the process.
/// </summary>
public sealed class TokenBucket
{
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(20);

    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset[] _log;
    private int _next;
    private int _count;

    public TokenBucket(int ratePerSecond, TimeProvider clock)
    {
        _clock = clock;
        RatePerSecond = Math.Max(1, ratePerSecond);
        _log = new DateTimeOffset[RatePerSecond];
        MinimumGap = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 3 / 4 / RatePerSecond);
    }

    public int RatePerSecond { get; }

    /// <summary>No more than <see cref="RatePerSecond"/> grants fall within any window this long.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(1) + Margin;

    /// <summary>The least time between two grants: ¾ of the even spacing, so catching up never becomes a burst.</summary>
    public TimeSpan MinimumGap { get; }

    /// <summary>Takes a permit if one is due now (returns zero); otherwise returns how long to wait before asking again.</summary>
    public TimeSpan TryTake()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var due = now;
            if (_count > 0)
            {
                var last = _log[(_next + _log.Length - 1) % _log.Length];
                due = Later(due, last + MinimumGap);
            }
            if (_count == _log.Length)
            {
                // _next is the oldest of the last `rate` grants: the one a new grant must be a window after.
                due = Later(due, _log[_next] + Window);
            }
            if (due > now)
            {
                return due - now;
            }
            _log[_next] = now;
            _next = (_next + 1) % _log.Length;
            _count = Math.Min(_count + 1, _log.Length);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Waits until this caller holds a permit.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (TryTake() is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, ct);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
