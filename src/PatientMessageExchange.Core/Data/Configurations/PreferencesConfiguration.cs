using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class DefaultContactPreferenceConfiguration : IEntityTypeConfiguration<DefaultContactPreference>
{
    public void Configure(EntityTypeBuilder<DefaultContactPreference> e)
    {
        e.HasKey(d => d.Need);
        e.Property(d => d.Need).HasConversion<string>().HasMaxLength(32).ValueGeneratedNever();
        e.Property(d => d.Modes).HasConversion(ContactModeListConversion.Converter, ContactModeListConversion.Comparer)
            .HasMaxLength(100);
        e.Property(d => d.UpdatedBy).HasMaxLength(256);
        e.HasData(NeedExtensions.All.Select(need => new DefaultContactPreference
        {
            Need = need, Modes = [.. PracticeDefaults.For(need)],
        }));
    }
}

internal sealed class ContactPreferenceConfiguration : IEntityTypeConfiguration<ContactPreference>
{
    public void Configure(EntityTypeBuilder<ContactPreference> e)
    {
        e.Property(c => c.Need).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.Modes).HasConversion(ContactModeListConversion.Converter, ContactModeListConversion.Comparer)
            .HasMaxLength(100);
        e.Property(c => c.RecordedBy).HasMaxLength(256);
        e.HasOne(c => c.Patient).WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.PatientId, c.Need }).IsUnique();
        e.HasIndex(c => c.Need);
    }
}

internal sealed class DoNotContactConfiguration : IEntityTypeConfiguration<DoNotContact>
{
    public void Configure(EntityTypeBuilder<DoNotContact> e)
    {
        e.Property(d => d.Mode).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.RecordedBy).HasMaxLength(256);
        e.HasOne(d => d.Patient).WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => new { d.PatientId, d.Mode }).IsUnique();
    }
}
