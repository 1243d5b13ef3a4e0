using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// The schedule's "Confirm visible" and "Confirm all": the day's still-scheduled appointments become an audience of
/// (patient, appointment) pairs, planned as a Confirmation campaign through the same planner and estimate as any other.
/// Appointments already confirmed, cancelled or done are left out, and so are those that have started and those with a
/// pending request (unless the user chose to resend), so nothing asks twice or after the fact.
/// </summary>
public class ConfirmationPlanner(PmxDbContext db, ScheduleBook schedule, CampaignPlanner planner, TimeProvider clock)
{
    public const string StarterTemplateName = "Appointment confirmation";

    public async Task<ConfirmationPlan> PlanAsync(ConfirmationRequest request, CancellationToken ct = default)
    {
        var provider = request.AllDay ? null : request.Provider;
        var location = request.AllDay ? null : request.Location;
        var day = await schedule.GetDayAsync(request.Date, provider, location, ct);
        var now = clock.GetUtcNow();
        var open = day.Entries.Where(e => e.Status == AppointmentStatus.Scheduled).ToList();
        var notStarted = open.Where(e => e.StartUtc > now).ToList();
        var due = notStarted.Where(e => request.Resend || e.LastRequest is not { IsPending: true }).ToList();
        var templates = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.VariantOfId == null && !t.IsArchived && t.Need == Need.AppointmentConfirmation)
            .OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct);
        var templateId = templates.Any(t => t.Id == request.TemplateId)
            ? request.TemplateId
            : (templates.FirstOrDefault(t => t.Name == StarterTemplateName) ?? templates.FirstOrDefault())?.Id;

        var description = $"Confirmations for {request.Date.ToString("ddd MMM d, yyyy", CultureInfo.InvariantCulture)}";
        if (provider is not null || location is not null)
        {
            description += " (" + string.Join(", ", new[] { provider, location }.Where(s => !string.IsNullOrEmpty(s))) + ")";
        }
        var audience = new Audience(due.Select(e => new AudienceMember(e.PatientId, e.AppointmentId)).ToList(), description,
            due.Count == 0 ? ["No appointments left to ask here: none is scheduled, still ahead and without a pending request."] : []);
        var plan = await planner.PlanAsync(new PlanRequest(CampaignKind.Confirmation, Need.AppointmentConfirmation, templateId ?? 0, audience,
            Name: description), ct);
        return new ConfirmationPlan(request, plan, templates, templateId, due.Count, day.Entries.Count - open.Count,
            open.Count - notStarted.Count, notStarted.Count - due.Count);
    }
}
