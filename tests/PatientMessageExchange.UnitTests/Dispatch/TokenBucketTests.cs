using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.UnitTests.Dispatch;

public sealed class TokenBucketTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void Pacing_never_exceeds_the_cap_in_any_one_second_window(int rate)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var bucket = new TokenBucket(rate, clock);
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < rate * 5; i++)
        {
            slots.Add(bucket.Reserve());
            if (i % 7 == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(130));
            }
        }

        foreach (var start in slots)
        {
            Assert.True(slots.Count(s => s >= start && s < start.AddSeconds(1)) <= rate);
        }
    }

    [Fact]
    public void A_full_second_of_permits_at_the_cap_is_not_slower_than_the_cap()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var bucket = new TokenBucket(10, clock);

        var slots = Enumerable.Range(0, 10).Select(_ => bucket.Reserve()).ToList();

        Assert.Equal(clock.GetUtcNow().AddMilliseconds(900), slots[^1]);
    }

    [Fact]
    public async Task WaitAsync_waits_for_the_slot_on_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var bucket = new TokenBucket(2, clock);
        await bucket.WaitAsync(CancellationToken.None);

        var second = bucket.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await second;
        Assert.True(second.IsCompletedSuccessfully);
    }
}
