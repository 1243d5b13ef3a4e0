using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// Plans a personalized campaign: asks <see cref="ContactResolver"/> how to reach each member for the need, picks the
/// template variant in the family's language, renders the part for the chosen channel once, and prices it (email 1,
/// text 3, or 3 per segment under per-segment pricing, phone 5). A member whose preferred modes the template has no part for falls back to their
/// next usable contact; with none left they are skipped, with the reason. Patients, appointments and the template
/// family are loaded with a few set-based queries, never one per member.
/// </summary>
public class CampaignPlanner(
    PmxDbContext db,
    ContactResolver resolver,
    TemplateLibrary templates,
    RecipientRenderer recipients,
    PracticeDirectory practice,
    CreditLedger ledger,
    TimeProvider clock)
{
    private const int LoadChunk = 2000;
    private const int ParallelRenderThreshold = 2000;
    private const int RenderRange = 1000;

    public async Task<CampaignPlan> PlanAsync(PlanRequest request, CancellationToken ct = default)
    {
        var balance = await ledger.GetBalance(ct);
        var problems = request.Audience.Problems.ToList();
        var family = request.Written is { } written
            ? new TemplateFamily(WrittenTemplate(request.Need, written), [])
            : await templates.GetFamilyAsync(request.TemplateId, ct);
        if (family is null || family.Original.IsArchived)
        {
            problems.Add("Choose a message template.");
            return new CampaignPlan(null, [], [], balance.Available, problems);
        }
        if (family.Original.Scope != MergeScope.Personalized)
        {
            problems.Add("That template is for email broadcasts; choose a personalized template.");
            return new CampaignPlan(null, [], [], balance.Available, problems);
        }
        var members = request.Audience.Members;
        var patientIds = members.Select(m => m.PatientId).Distinct().ToArray();
        var resolutions = (await resolver.ResolveAsync(patientIds, request.Need, ct)).ToDictionary(r => r.PatientId);
        var patients = await LoadPatientsAsync(patientIds, ct);
        var appointments = await LoadAppointmentsAsync(members.Where(m => m.AppointmentId is not null).Select(m => m.AppointmentId!.Value).Distinct().ToArray(), ct);
        var profile = await practice.GetAsync(ct);
        var today = profile.TimeZone.LocalDate(clock.GetUtcNow());
        var shared = recipients.Prepare(profile);

        var toRender = new List<Recipient>(members.Count);
        var skipped = new List<SkippedRecipient>();
        foreach (var member in members)
        {
            if (!patients.TryGetValue(member.PatientId, out var patient))
            {
                continue;
            }
            var resolution = resolutions[member.PatientId];
            var variant = family.For(patient.Language);
            if (!resolution.IsReachable)
            {
                skipped.Add(Skip(patient, resolution.Reason, Explain(resolution)));
                continue;
            }
            var contact = RecipientRenderer.ChooseContact(variant, resolution.Contacts);
            if (contact is null)
            {
                skipped.Add(Skip(patient, null,
                    $"The template has no {Describe(resolution.Primary!.Mode.ToChannel())} part, and no other contact on file suits it."));
                continue;
            }
            appointments.TryGetValue(member.AppointmentId ?? 0, out var appointment);
            var due = member.DueItem is null ? null : new DueItem(member.DueItem, member.DueDate ?? today);
            toRender.Add(new Recipient(variant, contact, patient, appointment, due));
        }
        var rendered = RenderAll(toRender, shared, ct);
        var planned = new List<PlannedMessage>(rendered.Length);
        for (var i = 0; i < rendered.Length; i++)
        {
            if (rendered[i].Message is { } message)
            {
                planned.Add(message);
            }
            else
            {
                // One recipient's message went past a render limit: that one is left out, with the reason.
                skipped.Add(Skip(toRender[i].Patient, null, $"The message can't be written for this patient: {rendered[i].Failure}"));
            }
        }

        var byMode = planned.GroupBy(m => m.Mode).OrderBy(g => g.Key)
            .Select(g => new ModeEstimate(g.Key, g.Count(), g.Sum(m => m.Segments), g.Sum(m => m.Cost))).ToList();
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{family.Original.Name} – {request.Audience.Description}" : request.Name.Trim();
        // A written message has no template row: the campaign's snapshot of it, with no template id, is what is kept
        // and offered again as a starting point.
        var draft = new CampaignDraft(request.Kind, name.Length > 200 ? name[..200] : name, request.Need,
            request.Written is null ? family.Original.Id : null,
            family.Original.EmailSubject, family.Original.EmailHtmlBody, family.Original.SmsBody, family.Original.VoiceScript,
            request.Audience.Description, request.ScheduledForUtc, planned,
            skipped.Select(s => new PlannedSkip(s.PatientId, null, s.Reason, s.Explanation)).ToList());
        var texts = TextEstimate.Of(planned.Where(m => m.Mode.ToChannel() == Channel.Sms).Select(m => m.Body),
            profile.PerSegmentTextPricing);
        return new CampaignPlan(draft, byMode, skipped, balance.Available, problems, texts);
    }

    /// <summary>
    /// Renders every message, in the audience's order. Each message depends only on its own recipient, so a large
    /// campaign is rendered on all cores in contiguous ranges; the result is the same as rendering one by one.
    /// </summary>
    private (PlannedMessage? Message, string? Failure)[] RenderAll(List<Recipient> toRender, PreparedPractice practice, CancellationToken ct)
    {
        var rendered = new (PlannedMessage?, string?)[toRender.Count];
        if (toRender.Count < ParallelRenderThreshold || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < toRender.Count; i++)
            {
                rendered[i] = Render(toRender[i], practice);
            }
            return rendered;
        }
        try
        {
            Parallel.ForEach(Partitioner.Create(0, toRender.Count, RenderRange),
                new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount },
                range =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        rendered[i] = Render(toRender[i], practice);
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers see what rendering one by one would have thrown (e.g. a stored template that can't be parsed).
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return rendered;
    }

    private (PlannedMessage?, string?) Render(Recipient recipient, PreparedPractice practice)
    {
        try
        {
            return (recipients.Render(recipient.Variant, recipient.Contact, recipient.Patient, recipient.Appointment, recipient.Due, practice), null);
        }
        catch (TemplateRenderException e)
        {
            return (null, e.Message);
        }
    }

    private static string Describe(Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Sms => "text",
        _ => "phone",
    };

    private static SkippedRecipient Skip(Patient patient, UnreachableReason? reason, string explanation) =>
        new(patient.Id, $"{patient.LastName}, {patient.PreferredName ?? patient.FirstName}", patient.ChartNumber, reason, explanation);

    public static string Explain(ContactResolution resolution) => resolution.Reason switch
    {
        UnreachableReason.Inactive => "The chart is inactive.",
        UnreachableReason.NoPreferredMethod => "No preferred method of contact is listed for this need.",
        UnreachableReason.DoNotContact => "The family asked not to be contacted by the preferred methods.",
        UnreachableReason.NoContactOnFile => $"No {string.Join(" or ", resolution.Order.Select(m => m.DisplayName().ToLowerInvariant()))} on file.",
        UnreachableReason.AllContactsUnusable => "Every preferred contact is bounced, invalid, opted out or suppressed: " +
            string.Join("; ", resolution.Skipped.Take(3).Select(s => $"{s.Mode.DisplayName()} {s.Reason}")),
        UnreachableReason.NotFound => "The patient is no longer on the registry.",
        _ => "Can't be reached for this need.",
    };

    /// <summary>
    /// The patients with their guardians, read as plain rows (only the columns rendering and skipping use) rather than
    /// as entities with an Include: materializing whole patients and guardians with a split query cost more than
    /// resolving the audience. Guardians are put in id order, as the Include returned them. (Picking the one guardian
    /// merge data uses in SQL was tried: EF's translation numbers every guardian row per chunk and was ten times
    /// slower.)
    /// </summary>
    private async Task<Dictionary<int, Patient>> LoadPatientsAsync(int[] ids, CancellationToken ct)
    {
        var result = new Dictionary<int, Patient>(ids.Length);
        foreach (var chunk in ids.Chunk(LoadChunk))
        {
            await foreach (var row in db.Patients.AsNoTracking()
                               .Where(p => EF.Parameter(chunk).Contains(p.Id))
                               .Select(p => new
                               {
                                   p.Id, p.ChartNumber, p.FirstName, p.PreferredName, p.LastName, p.DateOfBirth, p.Language,
                                   p.IsActive,
                               })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                result[row.Id] = new Patient
                {
                    Id = row.Id, ChartNumber = row.ChartNumber, FirstName = row.FirstName, PreferredName = row.PreferredName,
                    LastName = row.LastName, DateOfBirth = row.DateOfBirth, Language = row.Language, IsActive = row.IsActive,
                };
            }
            await foreach (var row in db.Guardians.AsNoTracking()
                               .Where(g => EF.Parameter(chunk).Contains(g.PatientId))
                               .Select(g => new { g.Id, g.PatientId, g.FirstName, g.LastName, g.Relationship, g.IsPrimary })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                if (result.TryGetValue(row.PatientId, out var patient))
                {
                    patient.Guardians.Add(new Guardian
                    {
                        Id = row.Id, PatientId = row.PatientId, FirstName = row.FirstName, LastName = row.LastName,
                        Relationship = row.Relationship, IsPrimary = row.IsPrimary,
                    });
                }
            }
        }
        foreach (var patient in result.Values)
        {
            if (patient.Guardians.Count > 1)
            {
                patient.Guardians.Sort((a, b) => a.Id.CompareTo(b.Id));
            }
        }
        return result;
    }

    private async Task<Dictionary<int, Appointment>> LoadAppointmentsAsync(int[] ids, CancellationToken ct)
    {
        var result = new Dictionary<int, Appointment>(ids.Length);
        foreach (var chunk in ids.Chunk(LoadChunk))
        {
            var rows = await db.Appointments.AsNoTracking().Include(a => a.Provider)
                .Where(a => EF.Parameter(chunk).Contains(a.Id)).ToListAsync(ct);
            foreach (var row in rows)
            {
                result[row.Id] = row;
            }
        }
        return result;
    }

    /// <summary>A message written for this send, as an unsaved template: every recipient gets it as written.</summary>
    private static MessageTemplate WrittenTemplate(Need need, TemplateContent content) => new()
    {
        Name = WrittenMessages.DefaultName,
        Need = need,
        Scope = MergeScope.Personalized,
        EmailSubject = content.EmailSubject,
        EmailHtmlBody = content.EmailHtmlBody,
        SmsBody = content.SmsBody,
        VoiceScript = content.VoiceScript,
    };

    private sealed record Recipient(MessageTemplate Variant, ResolvedContact Contact, Patient Patient, Appointment? Appointment,
        DueItem? Due);
}
