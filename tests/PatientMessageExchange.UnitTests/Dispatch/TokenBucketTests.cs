using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.UnitTests.Dispatch;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Takes <paramref name="count"/> permits, each caller asking again after the wait it was told, sometimes late.</summary>
    private static List<DateTimeOffset> Grants(TokenBucket bucket, FakeTimeProvider clock, int count, Random? late = null, int maxLateMs = 150)
    {
        var grants = new List<DateTimeOffset>();
        while (grants.Count < count)
        {
            var wait = bucket.TryTake();
            if (wait == TimeSpan.Zero)
            {
                grants.Add(clock.GetUtcNow());
                continue;
            }
            clock.Advance(wait + TimeSpan.FromMilliseconds(late?.Next(0, maxLateMs) ?? 0));
        }
        return grants;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void Pacing_never_exceeds_the_cap_in_any_one_second_window_even_with_the_margin_of_delay(int rate)
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(rate, clock);

        var grants = Grants(bucket, clock, rate * 5, new Random(7));

        foreach (var start in grants)
        {
            // A request that arrives up to the margin later than the first one of the window still fits.
            Assert.True(grants.Count(s => s >= start && s < start.AddSeconds(1) + TokenBucket.Margin) <= rate);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public void At_the_cap_permits_come_at_rate_over_one_second_plus_the_margin(int rate)
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(rate, clock);

        var grants = Grants(bucket, clock, rate * 10 + 1);

        // rate × 10 permits after the first take ten windows of one second plus the margin.
        var span = grants[^1] - grants[0];
        Assert.InRange(span, TimeSpan.FromTicks(bucket.Window.Ticks * 10) - TimeSpan.FromMilliseconds(1), bucket.Window * 10 + TimeSpan.FromMilliseconds(1));
        Assert.All(grants.Zip(grants.Skip(1)), pair => Assert.True(pair.Second - pair.First >= bucket.MinimumGap));
    }

    [Fact]
    public void A_caller_that_wakes_late_is_caught_up_at_the_minimum_gap_not_in_a_burst()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock);
        Assert.Equal(TimeSpan.Zero, bucket.TryTake());

        // Nothing was asked for half a second: the next permits may come closer than the even 100 ms to catch up,
        // but never closer than the minimum gap of 75 ms.
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.Zero, bucket.TryTake());
        Assert.Equal(TimeSpan.FromMilliseconds(75), bucket.TryTake());
    }

    [Fact]
    public void A_late_wake_up_costs_its_lateness_once_per_window_not_once_per_permit()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock);

        // Every caller asks again up to 40 ms later than told. Spacing permits evenly from the last actual grant would
        // lose the lateness on each of the 10 permits of a window (about 10 × 20 ms a second, i.e. 8.2 per second);
        // the log loses it once per window.
        var grants = Grants(bucket, clock, 301, new Random(11), maxLateMs: 40);

        var rate = 300 / (grants[^1] - grants[0]).TotalSeconds;
        var floor = 10 / (bucket.Window + TimeSpan.FromMilliseconds(40)).TotalSeconds;
        Assert.True(rate >= floor, $"achieved {rate:N3} per second, expected at least {floor:N3}");
    }

    [Fact]
    public async Task WaitAsync_waits_for_the_spacing_on_the_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(2, clock);
        await bucket.WaitAsync(CancellationToken.None);

        var second = bucket.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(510));
        await second;
        Assert.True(second.IsCompletedSuccessfully);
    }
}
