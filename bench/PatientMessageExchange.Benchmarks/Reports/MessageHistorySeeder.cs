using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Benchmarks.Reports;

/// <summary>
/// Two years of sending history ending at <paramref name="endUtc"/>: campaigns, messages in every mode and final status,
/// a ledger Charge for every message a provider accepted, and charged inbound replies. Fixed seed; written with
/// <see cref="BulkInserter"/> in one transaction, then ANALYZE.
/// </summary>
public static class MessageHistorySeeder
{
    public static async Task SeedAsync(DbContextOptions<PmxDbContext> options, int messages, DateTimeOffset endUtc, CancellationToken ct)
    {
        await using var db = new PmxDbContext(options);
        await db.Database.EnsureCreatedAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;", ct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var random = new Random(5);
        var startUtc = endUtc.AddDays(-730);
        var span = (endUtc - startUtc).Ticks;
        const int perCampaign = 500;
        var campaignCount = (messages + perCampaign - 1) / perCampaign;
        var needs = Enum.GetValues<Need>();
        await BulkInserter.InsertAsync(db, Enumerable.Range(0, campaignCount).Select(i => new Campaign
        {
            Kind = CampaignKind.Personalized, Name = $"Campaign {i + 1}", Need = needs[i % needs.Length], AudienceDescription = "bench",
            Status = CampaignStatus.Completed, CreatedUtc = startUtc.AddTicks(span / campaignCount * i),
            CreatedByUserId = $"user-{i % 7}", CreatedByName = $"Staff {i % 7}",
        }), ct);
        await BulkInserter.InsertAsync(db, Enumerable.Range(1, campaignCount).Select(i => new DispatchBatch
        {
            CampaignId = i, Channel = Channel.Email, Status = BatchStatus.Done,
        }), ct);

        var modes = new[] { ContactMode.Email, ContactMode.Email, ContactMode.Email, ContactMode.Text, ContactMode.Text, ContactMode.Phone, ContactMode.WorkEmail, ContactMode.WorkPhone };
        var plan = new List<(DateTimeOffset At, ContactMode Mode, MessageStatus Status, bool Charged)>(messages);
        for (var i = 0; i < messages; i++)
        {
            var mode = modes[random.Next(modes.Length)];
            var (status, charged) = Outcome(random.Next(100));
            plan.Add((startUtc.AddTicks(span / messages * i), mode, status, charged));
        }
        await BulkInserter.InsertAsync(db, plan.Select((p, i) => new Message
        {
            CampaignId = i / perCampaign + 1, BatchId = i / perCampaign + 1, PatientId = null, Mode = p.Mode,
            Channel = p.Mode.IsEmail() ? Channel.Email : p.Mode == ContactMode.Text ? Channel.Sms : Channel.Voice,
            Address = p.Mode.IsEmail() ? $"parent{i % 50_000}@example.com" : $"+1617555{i % 10_000:0000}", Body = "Reminder",
            Cost = CreditRates.Outbound(p.Mode), Status = p.Status, CreatedUtc = p.At.AddMinutes(-1),
            SentUtc = p.Charged ? p.At : null, CompletedUtc = p.Charged ? null : p.At,
            Error = p.Status is MessageStatus.Failed ? "Gave up after 5 attempts: connection refused" : null,
        }), ct);
        // Messages were inserted into an empty table in order, so message i has id i + 1.
        await BulkInserter.InsertAsync(db, plan.Select((p, i) => (p, i)).Where(x => x.p.Charged).Select(x => new CreditLedgerEntry
        {
            Kind = CreditEntryKind.Charge, Amount = -CreditRates.Outbound(x.p.Mode), IdempotencyKey = $"charge:message:{x.i + 1}",
            MessageId = x.i + 1, CampaignId = x.i / perCampaign + 1, ContactMode = x.p.Mode, CreatedUtc = x.p.At,
        }), ct);
        var replies = messages / 50;
        await BulkInserter.InsertAsync(db, Enumerable.Range(1, replies).Select(i => new CreditLedgerEntry
        {
            Kind = CreditEntryKind.Charge, Amount = -CreditRates.TextMessage, IdempotencyKey = $"charge:inbound:{i}",
            InboundMessageId = i, ContactMode = ContactMode.Text, CreatedUtc = startUtc.AddTicks(span / replies * i),
        }), ct);
        await tx.CommitAsync(ct);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
    }

    /// <summary>
    /// A message's fate from a roll of 0–99: 45% sent, 35% delivered, 6% undelivered, 5% bounced (half rejected at send
    /// time, so never charged), 5% failed, 4% cancelled; and whether a provider accepted it (so it was charged).
    /// </summary>
    internal static (MessageStatus Status, bool Charged) Outcome(int roll)
    {
        var status = roll switch
        {
            < 45 => MessageStatus.Sent,
            < 80 => MessageStatus.Delivered,
            < 86 => MessageStatus.Undelivered,
            < 91 => MessageStatus.Bounced,
            < 96 => MessageStatus.Failed,
            _ => MessageStatus.Cancelled,
        };
        return (status, status.IsCharged() && !(status == MessageStatus.Bounced && roll % 2 == 0));
    }
}
