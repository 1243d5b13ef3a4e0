using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> e)
    {
        e.Property(i => i.ProviderSid).HasMaxLength(100);
        e.Property(i => i.From).HasMaxLength(40);
        e.Property(i => i.To).HasMaxLength(40);
        e.Property(i => i.Body).HasMaxLength(1600);
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Channel).HasConversion<string>().HasMaxLength(8);
        e.HasIndex(i => i.ProviderSid).IsUnique();
        e.HasIndex(i => i.AppointmentId);
        e.HasIndex(i => new { i.Kind, i.HandledUtc });
    }
}

internal sealed class ProviderStatusEventConfiguration : IEntityTypeConfiguration<ProviderStatusEvent>
{
    public void Configure(EntityTypeBuilder<ProviderStatusEvent> e)
    {
        e.Property(p => p.Sid).HasMaxLength(64);
        e.Property(p => p.Status).HasMaxLength(32);
        e.HasIndex(p => new { p.Sid, p.Status }).IsUnique();
    }
}
