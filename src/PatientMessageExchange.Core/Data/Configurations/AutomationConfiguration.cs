using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Data.Configurations;

internal sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> e)
    {
        e.Property(r => r.Name).HasMaxLength(AutomationRule.NameLength);
        e.Property(r => r.AppointmentTypes).HasMaxLength(AutomationRule.FilterLength);
        e.Property(r => r.ProviderIds).HasMaxLength(AutomationRule.FilterLength);
        e.Property(r => r.Locations).HasMaxLength(AutomationRule.FilterLength);
        e.HasOne<MessageTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(r => r.Need);
        e.Ignore(r => r.MaxLead);
        e.Ignore(r => r.AppointmentTypeList);
        e.Ignore(r => r.LocationList);
        e.Ignore(r => r.ProviderIdList);
    }
}

internal sealed class AutomationSettingsConfiguration : IEntityTypeConfiguration<AutomationSettings>
{
    public void Configure(EntityTypeBuilder<AutomationSettings> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.NoticeEmail).HasMaxLength(254);
    }
}

internal sealed class AutomatedSendConfiguration : IEntityTypeConfiguration<AutomatedSend>
{
    public void Configure(EntityTypeBuilder<AutomatedSend> e)
    {
        e.Property(s => s.Address).HasMaxLength(254);
        e.Property(s => s.Explanation).HasMaxLength(500);
        e.HasOne<AutomationRule>().WithMany().HasForeignKey(s => s.RuleId).OnDelete(DeleteBehavior.Cascade);
        // At most one decision per rule, appointment and start time: the at-most-once guarantee lives here.
        e.HasIndex(s => new { s.RuleId, s.AppointmentId, s.AppointmentStartUtc }).IsUnique();
        e.HasIndex(s => new { s.Address, s.PracticeDay, s.Outcome });
        e.HasIndex(s => s.AppointmentStartUtc);
        e.HasIndex(s => s.AppointmentId);
        e.HasIndex(s => new { s.DecidedUtc, s.RuleId });
        e.HasIndex(s => s.CampaignId);
    }
}
