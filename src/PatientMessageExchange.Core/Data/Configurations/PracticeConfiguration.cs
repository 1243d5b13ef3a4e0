using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class PracticeProfileConfiguration : IEntityTypeConfiguration<PracticeProfile>
{
    public void Configure(EntityTypeBuilder<PracticeProfile> e)
    {
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Phone).HasMaxLength(32);
        e.Property(p => p.PostalAddress).HasMaxLength(400);
        e.Property(p => p.TimeZoneId).HasMaxLength(64);
        e.Ignore(p => p.TimeZone);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(a => a.UserId).HasMaxLength(450);
        e.Property(a => a.UserName).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.EntityType).HasMaxLength(64);
        e.Property(a => a.EntityId).HasMaxLength(64);
        e.Property(a => a.Detail).HasMaxLength(1000);
        e.Property(a => a.IpAddress).HasMaxLength(64);
        e.HasIndex(a => a.OccurredUtc);
    }
}
