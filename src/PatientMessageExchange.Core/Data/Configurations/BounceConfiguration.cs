using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class BounceConfiguration : IEntityTypeConfiguration<Bounce>
{
    public void Configure(EntityTypeBuilder<Bounce> e)
    {
        e.Property(b => b.DedupeKey).HasMaxLength(64);
        e.HasIndex(b => b.DedupeKey).IsUnique();
        e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(b => b.Recipient).HasMaxLength(254);
        e.Property(b => b.OriginalRecipient).HasMaxLength(254);
        e.Property(b => b.Action).HasMaxLength(32);
        e.Property(b => b.Status).HasMaxLength(32);
        e.Property(b => b.DiagnosticCode).HasMaxLength(1000);
        e.Property(b => b.RemoteMta).HasMaxLength(255);
        e.Property(b => b.ReportingMta).HasMaxLength(255);
        e.Property(b => b.FeedbackType).HasMaxLength(32);
        e.Property(b => b.ReportMessageId).HasMaxLength(500);
        e.Property(b => b.OriginalEnvelopeId).HasMaxLength(500);
        e.Property(b => b.OriginalMessageId).HasMaxLength(500);
        e.Property(b => b.Subject).HasMaxLength(500);
        e.Property(b => b.Problem).HasMaxLength(300);
        // Messages are modelled by the dispatch work: a plain column for now, no foreign key.
        e.HasIndex(b => b.MessageId);
        e.HasIndex(b => new { b.Recipient, b.Kind, b.ReceivedUtc });
        e.HasIndex(b => b.ProcessedUtc);
    }
}
