using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.UnitTests.Dispatch;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Takes <paramref name="count"/> permits, each caller asking again after the wait it was told, sometimes late.</summary>
    private static List<DateTimeOffset> Grants(TokenBucket bucket, FakeTimeProvider clock, int count, Random? late = null)
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
            clock.Advance(wait + TimeSpan.FromMilliseconds(late?.Next(0, 150) ?? 0));
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

    [Fact]
    public void Permits_at_the_cap_are_evenly_spaced_one_second_plus_the_margin_over_the_rate()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock);

        var grants = Grants(bucket, clock, 11);

        Assert.Equal(TimeSpan.FromMilliseconds(102), bucket.Spacing);
        Assert.Equal(Start.AddMilliseconds(1020), grants[^1]);
    }

    [Fact]
    public void A_caller_that_wakes_late_does_not_release_a_burst_behind_it()
    {
        var clock = new FakeTimeProvider(Start);
        var bucket = new TokenBucket(10, clock);
        Assert.Equal(TimeSpan.Zero, bucket.TryTake());

        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.Zero, bucket.TryTake());

        Assert.Equal(TimeSpan.FromMilliseconds(102), bucket.TryTake());
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
