using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Gives a new practice the starter templates. It runs at every start but only writes into an empty table, so a
/// practice's own edits and archives are never overwritten (unlike model seed data, which a later migration would reset).
/// </summary>
public class TemplateSeeder(PmxDbContext db, TimeProvider clock, ILogger<TemplateSeeder> logger)
{
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.MessageTemplates.AnyAsync(ct))
        {
            return false;
        }
        var templates = StarterTemplates.Create(clock.GetUtcNow());
        db.MessageTemplates.AddRange(templates);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} starter templates", templates.Count);
        return true;
    }
}
