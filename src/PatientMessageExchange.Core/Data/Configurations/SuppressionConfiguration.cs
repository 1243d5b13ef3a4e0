using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> e)
    {
        e.Property(s => s.Address).HasMaxLength(254);
        e.Property(s => s.Channel).HasConversion<string>().HasMaxLength(8);
        e.Property(s => s.Reason).HasMaxLength(300);
        // At most one row per scope: an unsubscribed address that later hard-bounces gets a second, wider row.
        e.HasIndex(s => new { s.Address, s.Channel, s.AnnouncementsOnly }).IsUnique();
    }
}
