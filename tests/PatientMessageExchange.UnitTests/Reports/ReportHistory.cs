using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.UnitTests.Reports;

/// <summary>Writes campaigns, messages and their ledger entries straight into a test database, as dispatch would leave them.</summary>
internal sealed class ReportHistory(PmxDbContext db)
{
    private int _key;

    public async Task<Campaign> CampaignAsync(string name, Need need = Need.AppointmentReminder, string userId = "u1",
        string userName = "Front Desk")
    {
        var campaign = new Campaign
        {
            Kind = CampaignKind.Personalized, Name = name, Need = need, AudienceDescription = "test",
            Status = CampaignStatus.Completed, CreatedUtc = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero),
            CreatedByUserId = userId, CreatedByName = userName,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        db.DispatchBatches.Add(new DispatchBatch { CampaignId = campaign.Id, Channel = Channel.Email, Status = BatchStatus.Done });
        await db.SaveChangesAsync();
        return campaign;
    }

    /// <summary>
    /// A message with its final status. Charged statuses get SentUtc and a ledger Charge at the same instant; the
    /// others (or <paramref name="rejectedAtSend"/>) get CompletedUtc and a Release, as BatchDispatcher records them.
    /// </summary>
    public async Task<Message> MessageAsync(Campaign campaign, ContactMode mode, MessageStatus status, DateTimeOffset atUtc,
        bool rejectedAtSend = false, string address = "parent@example.com", int? patientId = null, string? error = null)
    {
        var batch = db.DispatchBatches.First(b => b.CampaignId == campaign.Id);
        // A bounce after acceptance was charged; one refused at send time was released.
        var charged = (status.IsCharged() || status == MessageStatus.Bounced) && !rejectedAtSend;
        var message = new Message
        {
            CampaignId = campaign.Id, BatchId = batch.Id, Mode = mode, Channel = Channel.Email, Address = address, Body = "body",
            Cost = CreditRates.Outbound(mode), Status = status, CreatedUtc = atUtc.AddMinutes(-5), PatientId = patientId,
            SentUtc = charged ? atUtc : null, CompletedUtc = charged ? null : atUtc, Error = error,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        db.CreditLedgerEntries.Add(new CreditLedgerEntry
        {
            Kind = charged ? CreditEntryKind.Charge : CreditEntryKind.Release,
            Amount = charged ? -message.Cost : message.Cost,
            IdempotencyKey = $"test:{++_key}", CampaignId = campaign.Id, MessageId = message.Id,
            ContactMode = charged ? mode : null, CreatedUtc = atUtc,
        });
        await db.SaveChangesAsync();
        return message;
    }

    public async Task InboundChargeAsync(long inboundMessageId, DateTimeOffset atUtc)
    {
        db.CreditLedgerEntries.Add(new CreditLedgerEntry
        {
            Kind = CreditEntryKind.Charge, Amount = -CreditRates.TextMessage, IdempotencyKey = $"test:{++_key}",
            InboundMessageId = inboundMessageId, ContactMode = ContactMode.Text, CreatedUtc = atUtc,
        });
        await db.SaveChangesAsync();
    }

    public async Task StrayChargeAsync(int credits, DateTimeOffset atUtc)
    {
        db.CreditLedgerEntries.Add(new CreditLedgerEntry
        {
            Kind = CreditEntryKind.Charge, Amount = -credits, IdempotencyKey = $"test:{++_key}", CreatedUtc = atUtc,
            MessageId = 9_000_000 + _key,
        });
        await db.SaveChangesAsync();
    }
}
