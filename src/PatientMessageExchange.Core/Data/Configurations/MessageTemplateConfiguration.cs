using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> e)
    {
        e.Property(t => t.Name).HasMaxLength(TemplateLimits.Name);
        e.Property(t => t.Need).HasConversion<string>().HasMaxLength(32);
        e.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.Language).HasMaxLength(8);
        e.Property(t => t.EmailSubject).HasMaxLength(TemplateLimits.EmailSubject);
        e.Property(t => t.EmailHtmlBody).HasMaxLength(TemplateLimits.EmailHtmlBody);
        e.Property(t => t.SmsBody).HasMaxLength(TemplateLimits.SmsBody);
        e.Property(t => t.VoiceScript).HasMaxLength(TemplateLimits.VoiceScript);
        // A translation can't outlive its original silently: archive, don't delete.
        e.HasOne(t => t.VariantOf).WithMany().HasForeignKey(t => t.VariantOfId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => new { t.Need, t.Scope });
        e.HasIndex(t => t.LastUsedUtc);
    }
}
