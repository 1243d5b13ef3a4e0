using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Bounces;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Bounces;

[Trait("Database", "Engine")]
public sealed class BounceProcessorTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Trait("Check", "R9")]
    [Fact]
    [Trait("Check", "R9")]
    public async Task R9_a_hard_bounce_marks_every_email_point_with_the_address_and_suppresses_it()
    {
        var (first, sibling, other) = await SeedAsync("ann.parent@example.org");

        var result = await ProcessAsync(DsnParser.Parse(BounceFixtures.Read("postfix-hard.eml")));

        var outcome = Assert.Single(result.Bounces);
        Assert.Equal((1001L, BounceKind.Hard, false), (outcome.MessageId!.Value, outcome.Kind, outcome.AlreadyRecorded));
        await using var db = _database.CreateContext();
        foreach (var id in new[] { first, sibling })
        {
            var point = await db.ContactPoints.SingleAsync(c => c.Id == id);
            Assert.Equal(ContactPointStatus.Bounced, point.Status);
            Assert.StartsWith("Hard bounce 5.1.1 550 5.1.1", point.StatusReason);
            Assert.Equal(_database.Clock.GetUtcNow(), point.StatusChangedUtc);
        }
        Assert.Equal(ContactPointStatus.Valid, (await db.ContactPoints.SingleAsync(c => c.Id == other)).Status);
        var suppression = await db.Suppressions.SingleAsync();
        Assert.Equal(("ann.parent@example.org", SuppressionChannel.Email, "Hard bounce 5.1.1"),
            (suppression.Address, suppression.Channel, suppression.Reason));
        var bounce = await db.Bounces.SingleAsync();
        Assert.Equal(2, bounce.ContactPointsMarked);
        Assert.Equal(BounceFixtures.Read("postfix-hard.eml"), bounce.RawMessage);
        Assert.Equal(1001, bounce.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 14, 2, 11, TimeSpan.Zero), bounce.ReceivedUtc);
        Assert.Equal(_database.Clock.GetUtcNow(), bounce.ProcessedUtc);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.BounceRecorded));
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.ContactPointChanged));
    }

    [Trait("Check", "R9")]
    [Fact]
    [Trait("Check", "R9")]
    public async Task R9_the_same_report_processed_twice_gives_one_bounce_row()
    {
        await SeedAsync("ann.parent@example.org");
        var raw = BounceFixtures.Read("postfix-hard.eml");

        var first = await ProcessAsync(DsnParser.Parse(raw));
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await ProcessAsync(DsnParser.Parse(raw));

        Assert.False(Assert.Single(first.Bounces).AlreadyRecorded);
        var repeated = Assert.Single(second.Bounces);
        Assert.True(repeated.AlreadyRecorded);
        Assert.Equal(first.Bounces[0].BounceId, repeated.BounceId);
        Assert.Empty(second.NewBounces);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Bounces.CountAsync());
        Assert.Equal(1, await db.Suppressions.CountAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.BounceRecorded));
    }

    [Trait("Check", "R9")]
    [Fact]
    [Trait("Check", "R9")]
    public async Task R9_a_report_without_a_message_id_is_recognised_by_its_bytes()
    {
        var raw = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(BounceFixtures.Read("postfix-soft.eml"))
            .Replace("Message-Id: <20261119190000.6S3bCd4eFgh@mail.pmx-test.example>\n", ""));

        await ProcessAsync(DsnParser.Parse(raw));
        var second = await ProcessAsync(DsnParser.Parse(raw));

        Assert.True(Assert.Single(second.Bounces).AlreadyRecorded);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Bounces.CountAsync());
    }

    [Fact]
    public async Task Each_failed_recipient_of_a_report_gets_its_own_row()
    {
        var result = await ProcessAsync(DsnParser.Parse(BounceFixtures.Read("exim-multi.eml")));

        Assert.Equal([BounceKind.Hard, BounceKind.Soft], result.Bounces.Select(b => b.Kind));
        Assert.All(result.Bounces, b => Assert.Equal(1004, b.MessageId));
        await using var db = _database.CreateContext();
        Assert.Equal(["carol@example.com", "dave@example.com"],
            await db.Bounces.OrderBy(b => b.Id).Select(b => b.Recipient).ToListAsync());
        Assert.Equal("carol@example.com", (await db.Suppressions.SingleAsync()).Address);
    }

    [Fact]
    public async Task Soft_bounces_turn_hard_at_the_threshold()
    {
        var (point, _, _) = await SeedAsync("ivy@full.example");

        var first = await ProcessAsync(Soft("ivy@full.example", 1, _database.Clock.GetUtcNow().AddDays(-20)));
        var second = await ProcessAsync(Soft("ivy@full.example", 2, _database.Clock.GetUtcNow().AddDays(-10)));
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(ContactPointStatus.Valid, (await db.ContactPoints.SingleAsync(c => c.Id == point)).Status);
            Assert.Empty(await db.Suppressions.ToListAsync());
        }
        var third = await ProcessAsync(Soft("ivy@full.example", 3, _database.Clock.GetUtcNow()));

        Assert.False(first.Bounces[0].TurnedHard || second.Bounces[0].TurnedHard);
        Assert.True(Assert.Single(third.Bounces).IsPermanent);
        await using (var db = _database.CreateContext())
        {
            var marked = await db.ContactPoints.SingleAsync(c => c.Id == point);
            Assert.Equal(ContactPointStatus.Bounced, marked.Status);
            Assert.Equal("3 soft bounces in 30 days (last 4.2.2)", marked.StatusReason);
            Assert.Equal("Repeated soft bounces", (await db.Suppressions.SingleAsync()).Reason);
        }
    }

    [Fact]
    public async Task Soft_bounces_older_than_the_window_do_not_count()
    {
        var (point, _, _) = await SeedAsync("ivy@full.example");
        var now = _database.Clock.GetUtcNow();

        await ProcessAsync(Soft("ivy@full.example", 1, now.AddDays(-45)));
        await ProcessAsync(Soft("ivy@full.example", 2, now.AddDays(-31)));
        var third = await ProcessAsync(Soft("ivy@full.example", 3, now));

        Assert.False(Assert.Single(third.Bounces).TurnedHard);
        await using var db = _database.CreateContext();
        Assert.Equal(ContactPointStatus.Valid, (await db.ContactPoints.SingleAsync(c => c.Id == point)).Status);
    }

    [Fact]
    public async Task The_threshold_is_configurable()
    {
        await SeedAsync("ivy@full.example");

        var result = await ProcessAsync(Soft("ivy@full.example", 1, _database.Clock.GetUtcNow()),
            new BounceOptions { SoftBounceThreshold = 1 });

        Assert.True(Assert.Single(result.Bounces).TurnedHard);
    }

    [Fact]
    public async Task A_complaint_opts_the_points_out_and_suppresses_the_address()
    {
        var (point, _, _) = await SeedAsync("erin.parent@example.com");

        var result = await ProcessAsync(DsnParser.Parse(BounceFixtures.Read("complaint-arf.eml")));

        Assert.Equal((BounceKind.Complaint, 1006L), (result.Bounces[0].Kind, result.Bounces[0].MessageId!.Value));
        await using var db = _database.CreateContext();
        Assert.Equal(ContactPointStatus.OptedOut, (await db.ContactPoints.SingleAsync(c => c.Id == point)).Status);
        Assert.Equal("Complaint", (await db.Suppressions.SingleAsync(s => s.Address == "erin.parent@example.com")).Reason);
    }

    [Fact]
    public async Task An_address_already_suppressed_keeps_its_first_reason()
    {
        await using (var db = _database.CreateContext())
        {
            db.Suppressions.Add(new Suppression
            {
                Address = "ann.parent@example.org", Channel = SuppressionChannel.Email, Reason = "Unsubscribed",
                CreatedUtc = _database.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        await ProcessAsync(DsnParser.Parse(BounceFixtures.Read("postfix-hard.eml")));

        await using var check = _database.CreateContext();
        Assert.Equal("Unsubscribed", (await check.Suppressions.SingleAsync()).Reason);
    }

    [Trait("Check", "R8")]
    [Fact]
    [Trait("Check", "R8")]
    public async Task R8_an_unclassified_report_is_kept_whole_and_changes_no_contact_point()
    {
        var (point, _, _) = await SeedAsync("jack@old-isp.example");
        var raw = BounceFixtures.Read("garbage-report.eml");

        var result = await ProcessAsync(DsnParser.Parse(raw));

        Assert.True(result.HasUnclassified);
        await using var db = _database.CreateContext();
        var bounce = await db.Bounces.SingleAsync();
        Assert.Equal(BounceKind.Unclassified, bounce.Kind);
        Assert.Equal(raw, bounce.RawMessage);
        Assert.Equal("Delivery Status Notification", bounce.Subject);
        Assert.Equal("no failed recipient found in the notice", bounce.Problem);
        Assert.Equal(ContactPointStatus.Valid, (await db.ContactPoints.SingleAsync(c => c.Id == point)).Status);
        Assert.Empty(await db.Suppressions.ToListAsync());
    }

    [Trait("Check", "R9")]
    [Fact]
    [Trait("Check", "R9")]
    public async Task R9_a_delay_notice_records_nothing()
    {
        var result = await ProcessAsync(DsnParser.Parse(BounceFixtures.Read("postfix-delayed.eml")));

        Assert.Empty(result.Bounces);
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Bounces.CountAsync());
    }

    [Fact]
    public async Task A_hard_bounce_marks_the_sent_message_it_names_as_bounced()
    {
        await SeedAsync("ann.parent@example.org");
        await SeedMessageAsync(1001, "ann.parent@example.org", MessageStatus.Sent);

        await ProcessAsync(DsnParser.Parse(BounceFixtures.Read("postfix-hard.eml")));

        await using var db = _database.CreateContext();
        var message = await db.Messages.SingleAsync(m => m.Id == 1001);
        Assert.Equal(MessageStatus.Bounced, message.Status);
        Assert.StartsWith("Bounced: 5.1.1", message.Error);
    }

    [Fact]
    public async Task A_hard_bounce_without_our_id_matches_the_latest_email_sent_to_the_address()
    {
        await SeedAsync("ann.parent@example.org");
        await SeedMessageAsync(77, "ann.parent@example.org", MessageStatus.Sent);
        var report = DsnParser.Parse(BounceFixtures.Read("postfix-hard.eml"));
        var anonymous = new BounceReport
        {
            RawMessage = report.RawMessage, ReportMessageId = "no-id@mail.pmx-test.example", DateUtc = _database.Clock.GetUtcNow(),
            Recipients = report.Recipients,
        };

        var result = await ProcessAsync(anonymous);

        await using var db = _database.CreateContext();
        Assert.Equal(MessageStatus.Bounced, (await db.Messages.SingleAsync(m => m.Id == 77)).Status);
        Assert.Equal(77, (await db.Bounces.SingleAsync()).MessageId);
        Assert.Single(result.Bounces);
    }

    [Fact]
    public async Task A_blocked_bounce_leaves_the_address_alone_and_marks_its_message_undelivered()
    {
        var (point, _, _) = await SeedAsync("ann.parent@example.org");
        await SeedMessageAsync(1001, "ann.parent@example.org", MessageStatus.Sent);
        var report = new BounceReport
        {
            RawMessage = Encoding.ASCII.GetBytes("blocked report"), ReportMessageId = "blocked-1@mail.pmx-test.example",
            OriginalEnvelopeId = "pmx-1001", DateUtc = _database.Clock.GetUtcNow(),
            Recipients = [new BounceRecipient(BounceKind.Blocked, "ann.parent@example.org", Action: "failed", Status: "5.7.26",
                DiagnosticCode: "smtp; 550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy")],
        };

        var result = await ProcessAsync(report, new BounceOptions { SoftBounceThreshold = 1 });

        var outcome = Assert.Single(result.Bounces);
        Assert.Equal((BounceKind.Blocked, false), (outcome.Kind, outcome.IsPermanent));
        Assert.Empty(BounceMailboxJob.FallbackCandidates(new BouncePollResult(1, 0, 0, 0, result.Bounces)));
        await using var db = _database.CreateContext();
        Assert.Equal(ContactPointStatus.Valid, (await db.ContactPoints.SingleAsync(c => c.Id == point)).Status);
        Assert.Empty(await db.Suppressions.ToListAsync());
        var message = await db.Messages.SingleAsync(m => m.Id == 1001);
        Assert.Equal(MessageStatus.Undelivered, message.Status);
        Assert.StartsWith("Blocked: 5.7.26", message.Error);
        Assert.Equal(BounceKind.Blocked, (await db.Bounces.SingleAsync()).Kind);
    }

    private async Task SeedMessageAsync(long id, string address, MessageStatus status)
    {
        await using var db = _database.CreateContext();
        var campaign = new Campaign { Name = "Test", AudienceDescription = "test", Kind = CampaignKind.Broadcast, Status = CampaignStatus.Completed };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var batch = new DispatchBatch { CampaignId = campaign.Id, Channel = Channel.Email, Status = BatchStatus.Done };
        db.DispatchBatches.Add(batch);
        await db.SaveChangesAsync();
        db.Messages.Add(new Message
        {
            Id = id, CampaignId = campaign.Id, BatchId = batch.Id, Mode = ContactMode.Email, Channel = Channel.Email,
            Address = address, Body = "<p>x</p>", Cost = 1, Status = status, SentUtc = _database.Clock.GetUtcNow().AddDays(-1),
        });
        await db.SaveChangesAsync();
    }

    private async Task<BounceProcessingResult> ProcessAsync(BounceReport report, BounceOptions? options = null)
    {
        await using var db = _database.CreateContext();
        var processor = new BounceProcessor(db, new AuditLog(db, SystemActor.Instance, _database.Clock),
            Options.Create(options ?? new BounceOptions()), _database.Clock, NullLogger<BounceProcessor>.Instance);
        return await processor.ProcessAsync(report);
    }

    private static BounceReport Soft(string address, int n, DateTimeOffset dateUtc) => new()
    {
        RawMessage = Encoding.ASCII.GetBytes($"soft report {n}"),
        ReportMessageId = $"soft-{n}@mail.pmx-test.example",
        DateUtc = dateUtc,
        Recipients = [new BounceRecipient(BounceKind.Soft, address, Action: "failed", Status: "4.2.2")],
    };

    /// <summary>Two patients (siblings) sharing the address as Email and WorkEmail, and one with a text number.</summary>
    private async Task<(int First, int Sibling, int Other)> SeedAsync(string address)
    {
        await using var db = _database.CreateContext();
        var first = new Patient { ChartNumber = "B1", FirstName = "Ann", LastName = "Lee", DateOfBirth = new DateOnly(2018, 3, 1) };
        first.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Email, Value = address });
        var sibling = new Patient { ChartNumber = "B2", FirstName = "Ben", LastName = "Lee", DateOfBirth = new DateOnly(2020, 5, 1) };
        sibling.ContactPoints.Add(new ContactPoint { Mode = ContactMode.WorkEmail, Value = address });
        sibling.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Text, Value = "+16175550123" });
        db.Patients.AddRange(first, sibling);
        await db.SaveChangesAsync();
        return (first.ContactPoints[0].Id, sibling.ContactPoints[0].Id, sibling.ContactPoints[1].Id);
    }
}
