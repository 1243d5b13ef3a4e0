using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class CreditLedgerEntryConfiguration : IEntityTypeConfiguration<CreditLedgerEntry>
{
    /// <summary>Refuses UPDATE and DELETE in the database itself, so not even ExecuteUpdate or raw SQL can rewrite the ledger.</summary>
    public const string AppendOnlyTrigger = "TR_CreditLedgerEntries_AppendOnly";

    public void Configure(EntityTypeBuilder<CreditLedgerEntry> e)
    {
        // Declared so that EF Core on SQL Server doesn't use OUTPUT without INTO, which a table with triggers refuses.
        e.ToTable(t => t.HasTrigger(AppendOnlyTrigger));
        e.Property(x => x.IdempotencyKey).HasMaxLength(200);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        // Campaigns and messages are not modelled yet: plain columns, no foreign keys.
        e.HasIndex(x => x.MessageId).IsUnique();
        e.HasIndex(x => x.CampaignId);
        e.HasIndex(x => x.PurchaseId);
        e.HasIndex(x => x.CreatedUtc);
        // Covering for the Messages Sent report's "charged per ledger" line and its inbound replies group.
        e.HasIndex(x => new { x.Kind, x.CreatedUtc, x.Amount, x.InboundMessageId });
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.ActorUserId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(256);
    }
}

internal sealed class CreditBalanceConfiguration : IEntityTypeConfiguration<CreditBalance>
{
    public void Configure(EntityTypeBuilder<CreditBalance> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasData(new CreditBalance { Id = CreditBalance.SingletonId, Available = 0, Reserved = 0, Version = 0 });
    }
}

internal sealed class CreditReservationConfiguration : IEntityTypeConfiguration<CreditReservation>
{
    public void Configure(EntityTypeBuilder<CreditReservation> e)
    {
        e.HasKey(x => x.CampaignId);
        e.Property(x => x.CampaignId).ValueGeneratedNever();
    }
}

internal sealed class CreditPlanConfiguration : IEntityTypeConfiguration<CreditPlan>
{
    public void Configure(EntityTypeBuilder<CreditPlan> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Ignore(x => x.TotalCredits);
        // The original product's plan table (DESIGN.md).
        e.HasData(
            new CreditPlan { Id = 1, Name = "Plan 1", Credits = 1_500, BonusCredits = 0, PriceCents = 6_000 },
            new CreditPlan { Id = 2, Name = "Plan 2", Credits = 4_000, BonusCredits = 100, PriceCents = 16_000 },
            new CreditPlan { Id = 3, Name = "Plan 3", Credits = 8_000, BonusCredits = 400, PriceCents = 32_000 },
            new CreditPlan { Id = 4, Name = "Plan 4", Credits = 16_000, BonusCredits = 1_600, PriceCents = 64_000 },
            new CreditPlan { Id = 5, Name = "Plan 5", Credits = 32_000, BonusCredits = 4_800, PriceCents = 128_000 });
    }
}

internal sealed class CreditPurchaseConfiguration : IEntityTypeConfiguration<CreditPurchase>
{
    public void Configure(EntityTypeBuilder<CreditPurchase> e)
    {
        e.Property(x => x.PlanName).HasMaxLength(100);
        e.Property(x => x.Gateway).HasMaxLength(32);
        e.Property(x => x.ExternalReference).HasMaxLength(200);
        e.Property(x => x.FailureReason).HasMaxLength(500);
        e.Property(x => x.RefundReference).HasMaxLength(200);
        e.Property(x => x.RefundReason).HasMaxLength(500);
        e.Property(x => x.RefundedByName).HasMaxLength(256);
        e.Property(x => x.RequestedByUserId).HasMaxLength(450);
        e.Property(x => x.RequestedByName).HasMaxLength(256);
        e.HasOne<CreditPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ExternalReference);
        e.HasIndex(x => x.CreatedUtc);
        e.Property(x => x.IdempotencyKey).HasMaxLength(64);
        e.HasIndex(x => x.IdempotencyKey).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
    }
}
