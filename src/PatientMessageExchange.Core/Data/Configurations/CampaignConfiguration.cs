using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.AudienceDescription).HasMaxLength(500);
        e.Property(c => c.EmailSubjectTemplate).HasMaxLength(500);
        e.Property(c => c.CreatedByUserId).HasMaxLength(450);
        e.Property(c => c.CreatedByName).HasMaxLength(256);
        e.HasIndex(c => new { c.Status, c.ScheduledForUtc });
        e.HasIndex(c => c.CreatedUtc);
        e.HasIndex(c => c.AutomationRuleId);
    }
}

internal sealed class CampaignSkipConfiguration : IEntityTypeConfiguration<CampaignSkip>
{
    public void Configure(EntityTypeBuilder<CampaignSkip> e)
    {
        e.Property(s => s.Address).HasMaxLength(254);
        e.Property(s => s.Explanation).HasMaxLength(500);
        e.HasIndex(s => s.CampaignId);
        e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> e)
    {
        e.Property(m => m.Address).HasMaxLength(254);
        e.Property(m => m.Subject).HasMaxLength(500);
        e.Property(m => m.Language).HasMaxLength(8);
        e.Property(m => m.ProviderMessageId).HasMaxLength(200);
        e.Property(m => m.ProviderStatus).HasMaxLength(40);
        e.Property(m => m.ClaimToken).HasMaxLength(32);
        e.Property(m => m.Error).HasMaxLength(500);
        e.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<DispatchBatch>().WithMany().HasForeignKey(m => m.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.BatchId, m.Status });
        e.HasIndex(m => new { m.CampaignId, m.Status });
        e.HasIndex(m => new { m.Status, m.LeaseUntilUtc });
        e.HasIndex(m => m.ProviderMessageId);
        // The Messages Sent report (Reports/MessagesSentReporter): covering for both of its branches. Sent messages
        // seek a SentUtc range; messages that never reached a provider seek SentUtc IS NULL plus a CompletedUtc range.
        e.HasIndex(m => new { m.SentUtc, m.CompletedUtc, m.Mode, m.Status, m.Cost });
        e.HasIndex(m => m.PatientId);
        e.HasIndex(m => m.RetryOfMessageId).IsUnique();
        e.HasIndex(m => m.FallbackOfMessageId).IsUnique();
        e.HasIndex(m => m.FallbackPendingUtc);
        e.Property(m => m.DueItem).HasMaxLength(200);
        e.HasIndex(m => new { m.Address, m.Channel, m.SentUtc });
    }
}

internal sealed class DispatchBatchConfiguration : IEntityTypeConfiguration<DispatchBatch>
{
    public void Configure(EntityTypeBuilder<DispatchBatch> e)
    {
        e.Property(b => b.LeaseOwner).HasMaxLength(64);
        e.HasOne<Campaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(b => new { b.Status, b.NotBeforeUtc });
        e.HasIndex(b => b.CampaignId);
    }
}
