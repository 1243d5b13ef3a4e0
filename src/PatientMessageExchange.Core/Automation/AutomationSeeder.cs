using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Automation;

/// <summary>
/// Gives a practice the delivery settings and the standard rules, disabled until an administrator turns them on: a
/// confirmation 3 days before at 10:00 and a reminder 1 day before (at 10:00). Like the template seeder it writes only
/// into an empty table, after the starter templates exist, so a practice's own changes are never overwritten.
/// </summary>
public class AutomationSeeder(PmxDbContext db, TimeProvider clock, ILogger<AutomationSeeder> logger)
{
    public const string StandardConfirmationName = "Confirmation 3 days before";
    public const string StandardReminderName = "Reminder 1 day before";

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!await db.AutomationSettings.AnyAsync(ct))
        {
            db.AutomationSettings.Add(new AutomationSettings { UpdatedUtc = now });
        }
        var seeded = false;
        if (!await db.AutomationRules.AnyAsync(ct))
        {
            var confirmation = await StarterAsync(Need.AppointmentConfirmation, ct);
            var reminder = await StarterAsync(Need.AppointmentReminder, ct);
            if (confirmation is { } c)
            {
                db.AutomationRules.Add(new AutomationRule
                {
                    Name = StandardConfirmationName, Kind = AutomationKind.Confirmation, Timing = AutomationTiming.DaysBeforeAt,
                    DaysBefore = 3, SendAtMinutes = 10 * 60, HoursBefore = 24, TemplateId = c, IsStandard = true,
                    CreatedUtc = now, UpdatedUtc = now,
                });
                seeded = true;
            }
            if (reminder is { } r)
            {
                db.AutomationRules.Add(new AutomationRule
                {
                    Name = StandardReminderName, Kind = AutomationKind.Reminder, Timing = AutomationTiming.DaysBeforeAt,
                    DaysBefore = 1, SendAtMinutes = 10 * 60, HoursBefore = 24, TemplateId = r, IsStandard = true,
                    CreatedUtc = now, UpdatedUtc = now,
                });
                seeded = true;
            }
        }
        await db.SaveChangesAsync(ct);
        if (seeded)
        {
            logger.LogInformation("Seeded the standard automated-message rules (disabled)");
        }
        return seeded;
    }

    private async Task<int?> StarterAsync(Need need, CancellationToken ct) =>
        await db.MessageTemplates.AsNoTracking()
            .Where(t => t.VariantOfId == null && !t.IsArchived && t.Need == need && t.Scope == Templates.MergeScope.Personalized)
            .OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
}
