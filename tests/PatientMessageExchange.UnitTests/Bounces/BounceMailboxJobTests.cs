using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.UnitTests.Bounces;

public sealed class BounceMailboxJobTests
{
    [Fact]
    public void FallbackCandidates_AreNewPermanentBouncesMatchedToAMessage_Once()
    {
        var poll = new BouncePollResult(5, 0, 0, 0,
        [
            new BounceOutcome(1, 10, BounceKind.Hard, TurnedHard: false, AlreadyRecorded: false),
            new BounceOutcome(2, 10, BounceKind.Hard, TurnedHard: false, AlreadyRecorded: false),
            new BounceOutcome(3, 11, BounceKind.Soft, TurnedHard: true, AlreadyRecorded: false),
            new BounceOutcome(4, 12, BounceKind.Soft, TurnedHard: false, AlreadyRecorded: false),
            new BounceOutcome(5, 13, BounceKind.Hard, TurnedHard: false, AlreadyRecorded: true),
            new BounceOutcome(6, null, BounceKind.Hard, TurnedHard: false, AlreadyRecorded: false),
            new BounceOutcome(7, 14, BounceKind.Complaint, TurnedHard: false, AlreadyRecorded: false),
        ]);

        Assert.Equal([10L, 11L], BounceMailboxJob.FallbackCandidates(poll));
    }
}
