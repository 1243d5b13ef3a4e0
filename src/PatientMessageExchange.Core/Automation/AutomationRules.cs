using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Automation;

/// <summary>Reads and changes the automated-message rules and delivery settings; every change is audited.</summary>
public class AutomationRules(PmxDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxDaysBefore = 30;
    public const int MaxHoursBefore = 24 * 7;
    public const int MaxDailyCap = 10;

    public async Task<IReadOnlyList<AutomationRule>> ListAsync(CancellationToken ct = default) =>
        await db.AutomationRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);

    public Task<AutomationRule?> GetAsync(int id, CancellationToken ct = default) =>
        db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The settings row; a database the seeder has not reached yet reads the defaults.</summary>
    public async Task<AutomationSettings> GetSettingsAsync(CancellationToken ct = default) =>
        await db.AutomationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == AutomationSettings.SingletonId, ct)
        ?? new AutomationSettings();

    /// <summary>The personalized, unarchived template families a rule may use for its kind.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> TemplatesForAsync(CancellationToken ct = default) =>
        await db.MessageTemplates.AsNoTracking()
            .Where(t => t.VariantOfId == null && !t.IsArchived && t.Scope == MergeScope.Personalized)
            .OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);

    public async Task<(OperationResult Result, int? Id)> SaveAsync(AutomationRuleDraft draft, CancellationToken ct = default)
    {
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return (OperationResult.Fail("Give the rule a name.", nameof(draft.Name)), null);
        }
        if (name.Length > AutomationRule.NameLength)
        {
            return (OperationResult.Fail($"Keep the name to {AutomationRule.NameLength} characters.", nameof(draft.Name)), null);
        }
        if (!Enum.IsDefined(draft.Kind))
        {
            return (OperationResult.Fail("Choose confirmation or reminder.", nameof(draft.Kind)), null);
        }
        if (!Enum.IsDefined(draft.Timing))
        {
            return (OperationResult.Fail("Choose when the message goes out.", nameof(draft.Timing)), null);
        }
        if (draft.Timing == AutomationTiming.DaysBeforeAt)
        {
            if (draft.DaysBefore is < 0 or > MaxDaysBefore)
            {
                return (OperationResult.Fail($"Days before must be from 0 to {MaxDaysBefore}.", nameof(draft.DaysBefore)), null);
            }
            if (draft.SendAtMinutes is < 0 or >= 24 * 60)
            {
                return (OperationResult.Fail("Enter the time of day as HH:mm, e.g. 10:00.", nameof(draft.SendAtMinutes)), null);
            }
        }
        else if (draft.HoursBefore is < 1 or > MaxHoursBefore)
        {
            return (OperationResult.Fail($"Hours before must be from 1 to {MaxHoursBefore}.", nameof(draft.HoursBefore)), null);
        }
        var types = string.Join('\n', AutomationRule.SplitLines(draft.AppointmentTypes));
        var locations = string.Join('\n', AutomationRule.SplitLines(draft.Locations));
        if (types.Length > AutomationRule.FilterLength || locations.Length > AutomationRule.FilterLength)
        {
            return (OperationResult.Fail("That filter list is too long.", nameof(draft.AppointmentTypes)), null);
        }
        var providers = draft.ProviderIds.Where(id => id > 0).Distinct().Order().ToList();
        if (providers.Count > 0 && await db.Providers.CountAsync(p => providers.Contains(p.Id), ct) != providers.Count)
        {
            return (OperationResult.Fail("Choose providers from the list.", nameof(draft.ProviderIds)), null);
        }
        var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == draft.TemplateId, ct);
        if (template is null || template.VariantOfId is not null || template.IsArchived || template.Scope != MergeScope.Personalized)
        {
            return (OperationResult.Fail("Choose a personalized message template.", nameof(draft.TemplateId)), null);
        }

        var now = clock.GetUtcNow();
        AutomationRule? rule;
        if (draft.Id is { } id)
        {
            rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null)
            {
                return (OperationResult.Fail("That rule no longer exists."), null);
            }
        }
        else
        {
            rule = new AutomationRule { Name = name, CreatedUtc = now };
            db.AutomationRules.Add(rule);
        }
        rule.Name = name;
        rule.Kind = draft.Kind;
        rule.Timing = draft.Timing;
        rule.DaysBefore = draft.Timing == AutomationTiming.DaysBeforeAt ? draft.DaysBefore : rule.DaysBefore;
        rule.SendAtMinutes = draft.Timing == AutomationTiming.DaysBeforeAt ? draft.SendAtMinutes : rule.SendAtMinutes;
        rule.HoursBefore = draft.Timing == AutomationTiming.HoursBefore ? draft.HoursBefore : rule.HoursBefore;
        rule.AppointmentTypes = types;
        rule.ProviderIds = string.Join(',', providers.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        rule.Locations = locations;
        rule.TemplateId = template.Id;
        rule.IsEnabled = draft.IsEnabled;
        rule.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        audit.Add(draft.Id is null ? AuditActions.AutomationRuleCreated : AuditActions.AutomationRuleChanged, nameof(AutomationRule),
            rule.Id.ToString(CultureInfo.InvariantCulture),
            $"{rule.Kind}, {rule.DescribeTiming()}, template {template.Id}, {(rule.IsEnabled ? "enabled" : "disabled")}");
        await db.SaveChangesAsync(ct);
        return (OperationResult.Ok, rule.Id);
    }

    public async Task<OperationResult> SetEnabledAsync(int id, bool enabled, CancellationToken ct = default)
    {
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return OperationResult.Fail("That rule no longer exists.");
        }
        if (rule.IsEnabled == enabled)
        {
            return OperationResult.Ok;
        }
        rule.IsEnabled = enabled;
        rule.UpdatedUtc = clock.GetUtcNow();
        audit.Add(enabled ? AuditActions.AutomationRuleEnabled : AuditActions.AutomationRuleDisabled, nameof(AutomationRule),
            rule.Id.ToString(CultureInfo.InvariantCulture), rule.Name);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> SaveSettingsAsync(AutomationSettingsDraft draft, CancellationToken ct = default)
    {
        if (draft.WindowStartMinutes is < 0 or >= 24 * 60 || draft.WindowEndMinutes is <= 0 or > 24 * 60)
        {
            return OperationResult.Fail("Enter the window's times as HH:mm.", nameof(draft.WindowStartMinutes));
        }
        if (draft.WindowEndMinutes <= draft.WindowStartMinutes)
        {
            return OperationResult.Fail("The window must end after it starts.", nameof(draft.WindowEndMinutes));
        }
        if (draft.DeliveryDays.Count == 0)
        {
            return OperationResult.Fail("Choose at least one delivery day.", nameof(draft.DeliveryDays));
        }
        if (draft.DailyCapPerContact is < 1 or > MaxDailyCap)
        {
            return OperationResult.Fail($"The daily limit must be from 1 to {MaxDailyCap}.", nameof(draft.DailyCapPerContact));
        }
        var email = draft.NoticeEmail?.Trim() ?? "";
        if (email.Length > 254 || (email.Length > 0 && !MailAddress.TryCreate(email, out _)))
        {
            return OperationResult.Fail("Enter a valid email address, or leave it empty.", nameof(draft.NoticeEmail));
        }
        var settings = await db.AutomationSettings.FirstOrDefaultAsync(s => s.Id == AutomationSettings.SingletonId, ct);
        if (settings is null)
        {
            settings = new AutomationSettings();
            db.AutomationSettings.Add(settings);
        }
        settings.WindowStartMinutes = draft.WindowStartMinutes;
        settings.WindowEndMinutes = draft.WindowEndMinutes;
        settings.DeliveryDays = draft.DeliveryDays.Aggregate(0, (bits, day) => bits | (1 << (int)day));
        settings.DailyCapPerContact = draft.DailyCapPerContact;
        settings.NoticeEmail = email;
        settings.UpdatedUtc = clock.GetUtcNow();
        audit.Add(AuditActions.AutomationSettingsChanged, nameof(AutomationSettings), null,
            $"Window {AutomationClock.FormatInput(settings.WindowStartMinutes)}–{AutomationClock.FormatInput(settings.WindowEndMinutes)}, " +
            $"days {string.Join(' ', draft.DeliveryDays.Distinct().Order().Select(d => d.ToString()[..3]))}, cap {settings.DailyCapPerContact}");
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }
}
