using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// The confirm/cancel link of a confirmation email. The token is checked against the message and the address it went
/// to; the appointment (and any brother's or sister's named in the same automated message) is confirmed or cancelled
/// through <see cref="AppointmentResponses"/>, as a text reply would. After the appointment has started nothing changes.
/// </summary>
public class EmailResponder(PmxDbContext db, AppointmentResponseTokens tokens, TimeProvider clock)
{
    public const string How = "email link";

    public async Task<EmailResponseView?> ViewAsync(string? token, CancellationToken ct = default)
    {
        var target = await ResolveAsync(token, ct);
        if (target is null)
        {
            return null;
        }
        var rows = await db.Appointments.AsNoTracking().Where(a => target.Appointments.Contains(a.Id))
            .Select(a => new { a.Id, a.StartUtc, a.Status, a.Patient!.FirstName, a.Patient.PreferredName }).ToListAsync(ct);
        var main = rows.Single(r => r.Id == target.Appointments[0]);
        var names = rows.OrderBy(r => r.StartUtc).ThenBy(r => r.Id)
            .Select(r => string.IsNullOrWhiteSpace(r.PreferredName) ? r.FirstName : r.PreferredName!).Distinct().ToList();
        return new EmailResponseView(AutomationScheduler.JoinNames(names, target.Language), main.StartUtc, main.StartUtc <= clock.GetUtcNow(),
            main.Status == AppointmentStatus.Confirmed, main.Status == AppointmentStatus.Cancelled);
    }

    public async Task<EmailResponseOutcome> AnswerAsync(string? token, bool confirm, CancellationToken ct = default)
    {
        var target = await ResolveAsync(token, ct);
        if (target is null)
        {
            return EmailResponseOutcome.InvalidLink;
        }
        var now = clock.GetUtcNow();
        var main = target.Appointments[0];
        if (!await AppointmentResponses.IsAheadAsync(db, main, now, ct))
        {
            return EmailResponseOutcome.Passed;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await AppointmentResponses.AnswerAsync(db, main, target.Appointments.Skip(1), confirm, How, now, ct);
        await transaction.CommitAsync(ct);
        if (changed)
        {
            return confirm ? EmailResponseOutcome.Confirmed : EmailResponseOutcome.Cancelled;
        }
        var status = await db.Appointments.Where(a => a.Id == main).Select(a => a.Status).SingleAsync(ct);
        return status == AppointmentStatus.Cancelled ? EmailResponseOutcome.AlreadyCancelled : EmailResponseOutcome.AlreadyConfirmed;
    }

    private async Task<Target?> ResolveAsync(string? token, CancellationToken ct)
    {
        if (AppointmentResponseTokens.MessageIdOf(token) is not { } messageId)
        {
            return null;
        }
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.AppointmentId != null)
            .Select(m => new { m.Id, m.Address, m.AppointmentId, m.CampaignId, m.Language }).FirstOrDefaultAsync(ct);
        if (message is null || !tokens.Matches(token, message.Id, message.Address))
        {
            return null;
        }
        var siblings = await AppointmentResponses.MergedSiblingsAsync(db, message.CampaignId, message.Address, ct);
        return new Target([message.AppointmentId!.Value, .. siblings.Where(s => s != message.AppointmentId)], message.Language);
    }

    private sealed record Target(List<int> Appointments, string? Language);
}
