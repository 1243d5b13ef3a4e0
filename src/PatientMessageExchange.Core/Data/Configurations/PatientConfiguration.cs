using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> e)
    {
        e.Property(p => p.ChartNumber).HasMaxLength(32);
        e.HasIndex(p => p.ChartNumber).IsUnique();
        e.Property(p => p.FirstName).HasMaxLength(100);
        e.Property(p => p.PreferredName).HasMaxLength(100);
        e.Property(p => p.LastName).HasMaxLength(100);
        e.Property(p => p.Language).HasMaxLength(8);
        e.HasIndex(p => new { p.LastName, p.FirstName });
        e.Ignore(p => p.DisplayName);
        e.Property(p => p.IdentifierSystem).HasMaxLength(200);
        e.Property(p => p.IdentifierValue).HasMaxLength(64);
        e.HasIndex(p => new { p.IdentifierValue, p.IdentifierSystem });
        e.Property(p => p.FhirId).HasMaxLength(64);
        e.HasIndex(p => p.FhirId);
        e.HasOne(p => p.PrimaryProvider).WithMany().HasForeignKey(p => p.PrimaryProviderId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> e)
    {
        e.Property(g => g.FirstName).HasMaxLength(100);
        e.Property(g => g.LastName).HasMaxLength(100);
        e.Property(g => g.Relationship).HasMaxLength(40);
        e.HasOne(g => g.Patient).WithMany(p => p.Guardians).HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(g => g.FullName);
        e.Property(g => g.FhirId).HasMaxLength(64);
        e.HasIndex(g => g.FhirId);
    }
}

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> e)
    {
        e.Property(c => c.Value).HasMaxLength(254);
        e.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.StatusReason).HasMaxLength(300);
        e.HasOne(c => c.Patient).WithMany(p => p.ContactPoints).HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server refuses two cascade paths to one table; a guardian's points go with the patient.
        e.HasOne(c => c.Guardian).WithMany(g => g.ContactPoints).HasForeignKey(c => c.GuardianId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(c => new { c.PatientId, c.Mode });
        e.HasIndex(c => c.Value);
        e.Ignore(c => c.IsUsable);
        e.HasIndex(c => c.Status);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> e)
    {
        e.Property(p => p.Name).HasMaxLength(100);
        e.HasIndex(p => p.Name).IsUnique();
        e.Property(p => p.SpokenName).HasMaxLength(100);
        e.Property(p => p.FhirId).HasMaxLength(64);
        e.HasIndex(p => p.FhirId);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> e)
    {
        e.Property(a => a.ExternalId).HasMaxLength(64);
        e.HasIndex(a => a.ExternalId);
        e.Property(a => a.FhirId).HasMaxLength(64);
        e.HasIndex(a => a.FhirId);
        e.Property(a => a.Location).HasMaxLength(100);
        e.Property(a => a.AppointmentType).HasMaxLength(60);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.ConfirmedBy).HasMaxLength(40);
        e.Property(a => a.CancelledBy).HasMaxLength(40);
        e.HasIndex(a => new { a.CancelledUtc, a.CancellationHandledUtc });
        e.HasOne(a => a.Patient).WithMany(p => p.Appointments).HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(a => a.Provider).WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => a.StartUtc);
        e.HasIndex(a => new { a.PatientId, a.StartUtc });
    }
}
