using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Templates;

/// <summary>Renders unsaved template text for a chosen patient, as each channel would send it.</summary>
public sealed class TemplatePreviewer(TemplateRenderer renderer, MergeDataFactory mergeData, PatientDirectory patients,
    PracticeDirectory practice, TimeProvider clock)
{
    /// <summary>
    /// Previews for a patient from the database: their next appointment (or a sample one when none is booked) and, for
    /// recall and immunization needs, a sample due item. Opening the chart is audited like any other view of it.
    /// Null when the patient does not exist.
    /// </summary>
    public async Task<TemplatePreview?> PreviewForPatientAsync(TemplateContent content, MergeScope scope, Need need,
        int patientId, CancellationToken ct = default)
    {
        var profile = await practice.GetAsync(ct);
        var patient = await patients.OpenAsync(patientId, ct);
        if (patient is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var notes = new List<string>();
        var appointment = patient.Appointments
            .Where(a => a.StartUtc >= now && a.Status == AppointmentStatus.Scheduled)
            .OrderBy(a => a.StartUtc)
            .FirstOrDefault();
        if (appointment is null && UsesAppointment(content))
        {
            appointment = SampleAppointment(profile.TimeZone, now);
            notes.Add("The patient has no upcoming appointment, so a sample one (tomorrow at 9:30 AM) is shown.");
        }
        DueItem? due = null;
        if (need is Need.RecallWellVisit or Need.ImmunizationDue || UsesDue(content))
        {
            var today = profile.TimeZone.LocalDate(now);
            due = need == Need.ImmunizationDue
                ? new DueItem("DTaP booster", today.AddDays(14))
                : new DueItem("well visit", today.AddDays(14));
            notes.Add("The due item is a sample; a campaign fills in what each patient is due for.");
        }
        var preview = Preview(content, scope, profile, patient, appointment, due);
        return preview with
        {
            Recipient = $"{patient.DisplayName} ({patient.ChartNumber})",
            Notes = notes,
        };
    }

    /// <summary>A broadcast knows no patient: it renders with the practice's fields only.</summary>
    public async Task<TemplatePreview> PreviewBroadcastAsync(TemplateContent content, string? language, CancellationToken ct = default) =>
        Preview(content, MergeScope.Broadcast, await practice.GetAsync(ct), null, null, null, language);

    /// <summary>Renders every part; parts with errors are left out and their errors returned.</summary>
    public TemplatePreview Preview(TemplateContent content, MergeScope scope, PracticeProfile profile, Patient? patient,
        Appointment? appointment, DueItem? due, string? language = null)
    {
        var code = TemplateLanguages.Normalize(language ?? patient?.Language);
        var errors = new List<TemplateError>();
        string? Render(TemplatePart part)
        {
            var source = content.Get(part);
            if (string.IsNullOrWhiteSpace(source))
            {
                return null;
            }
            var partErrors = renderer.Validate(part, source, scope);
            if (partErrors.Count > 0)
            {
                errors.AddRange(partErrors);
                return null;
            }
            var data = scope == MergeScope.Broadcast
                ? mergeData.ForPractice(profile)
                : mergeData.Create(profile, patient, appointment, due, part, code);
            try
            {
                return renderer.Render(part, source, data);
            }
            catch (TemplateRenderException e)
            {
                errors.Add(new TemplateError(part, 1, 1, e.Message));
                return null;
            }
        }
        var subject = Render(TemplatePart.EmailSubject);
        var body = Render(TemplatePart.EmailBody);
        var sms = Render(TemplatePart.Sms);
        var voice = Render(TemplatePart.Voice);
        return new TemplatePreview(subject, body, sms is null ? null : SmsPreview.Of(sms), voice, code, errors);
    }

    private static bool UsesAppointment(TemplateContent content) =>
        TemplateContent.Parts.Any(p => content.Get(p)?.Contains("appointment.", StringComparison.Ordinal) == true);

    private static bool UsesDue(TemplateContent content) =>
        TemplateContent.Parts.Any(p => content.Get(p)?.Contains("due.", StringComparison.Ordinal) == true);

    private static Appointment SampleAppointment(TimeZoneInfo zone, DateTimeOffset now)
    {
        var tomorrow = zone.LocalDate(now).AddDays(1);
        var local = tomorrow.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Unspecified);
        return new Appointment
        {
            StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone)),
            Location = "Main office",
            AppointmentType = "Well visit",
            Provider = new Provider { Name = "Dr. Sample", SpokenName = "Doctor Sample" },
        };
    }
}
