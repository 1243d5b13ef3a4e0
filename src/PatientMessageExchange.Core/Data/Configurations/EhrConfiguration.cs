using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Ehr;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class EhrConnectionConfiguration : IEntityTypeConfiguration<EhrConnection>
{
    public void Configure(EntityTypeBuilder<EhrConnection> e)
    {
        e.Property(c => c.BaseUrl).HasMaxLength(500);
        e.Property(c => c.AuthMode).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.ProtectedBearerToken).HasMaxLength(4000);
        e.Property(c => c.ClientId).HasMaxLength(200);
        e.Property(c => c.TokenUrl).HasMaxLength(500);
        e.Property(c => c.Scope).HasMaxLength(500);
        e.Property(c => c.KeyId).HasMaxLength(200);
        e.Property(c => c.ProtectedPrivateKey).HasMaxLength(12000);
        e.Property(c => c.PatientIdentifierSystem).HasMaxLength(200);
    }
}

internal sealed class EhrSyncRunConfiguration : IEntityTypeConfiguration<EhrSyncRun>
{
    public void Configure(EntityTypeBuilder<EhrSyncRun> e)
    {
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Error).HasMaxLength(1000);
        e.HasIndex(r => r.StartedUtc);
    }
}

internal sealed class EhrSyncSkipConfiguration : IEntityTypeConfiguration<EhrSyncSkip>
{
    public void Configure(EntityTypeBuilder<EhrSyncSkip> e)
    {
        e.Property(s => s.ResourceType).HasMaxLength(40);
        e.Property(s => s.ResourceId).HasMaxLength(64);
        e.Property(s => s.Reason).HasMaxLength(1000);
        e.HasOne(s => s.Run).WithMany(r => r.Skips).HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EhrWriteBackConfiguration : IEntityTypeConfiguration<EhrWriteBack>
{
    public void Configure(EntityTypeBuilder<EhrWriteBack> e)
    {
        e.Property(w => w.AppointmentFhirId).HasMaxLength(64);
        e.Property(w => w.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(w => w.LastError).HasMaxLength(1000);
        e.HasIndex(w => new { w.Status, w.NextAttemptUtc });
        e.HasOne<Patients.Appointment>().WithMany().HasForeignKey(w => w.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EhrContactRemovalConfiguration : IEntityTypeConfiguration<EhrContactRemoval>
{
    public void Configure(EntityTypeBuilder<EhrContactRemoval> e)
    {
        e.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Value).HasMaxLength(254);
        e.HasIndex(r => new { r.PatientId, r.Mode, r.Value }).IsUnique();
        e.HasOne<Patients.Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
