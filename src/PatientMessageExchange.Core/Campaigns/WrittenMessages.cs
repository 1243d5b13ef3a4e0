using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// Messages written in a composer rather than taken from a template. Each campaign keeps a snapshot of what it sent;
/// a personalized or broadcast campaign without a template id was written for that send, so its snapshot is offered
/// again as a starting point. Templates stay the managed, shared library; these are never edited in place.
/// </summary>
public sealed class WrittenMessages(PmxDbContext db)
{
    /// <summary>The name a written message's campaign gets when the sender gives none.</summary>
    public const string DefaultName = "Written message";

    /// <summary>How many recent campaigns are looked at; repeats of the same text are shown once.</summary>
    private const int Scan = 200;

    public async Task<IReadOnlyList<WrittenMessage>> ListAsync(int limit = 20, CancellationToken ct = default)
    {
        var recent = await Written().OrderByDescending(c => c.Id).Take(Scan).ToListAsync(ct);
        return recent.Select(ToWritten)
            .DistinctBy(m => m.Content)
            .Take(limit)
            .ToList();
    }

    public async Task<WrittenMessage?> GetAsync(long campaignId, CancellationToken ct = default)
    {
        var campaign = await Written().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? null : ToWritten(campaign);
    }

    private IQueryable<Campaign> Written() => db.Campaigns.AsNoTracking()
        .Where(c => c.TemplateId == null && (c.Kind == CampaignKind.Personalized || c.Kind == CampaignKind.Broadcast));

    private static WrittenMessage ToWritten(Campaign c) => new(c.Id, c.Kind, c.Name, c.Need, c.CreatedUtc, c.CreatedByName,
        new TemplateContent(c.EmailSubjectTemplate, c.EmailBodyTemplate, c.SmsTemplate, c.VoiceTemplate));
}
