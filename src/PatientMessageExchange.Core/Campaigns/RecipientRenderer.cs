using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// Renders one personalized message for one recipient: the template part for the contact's channel, with that
/// recipient's merge data, priced (email 1, text 3 — or 3 per segment where the practice chose that — phone 5). The campaign planner and channel fallback
/// both go through here, so a fallback says and costs exactly what the planner would have planned for that mode.
/// </summary>
public sealed class RecipientRenderer(TemplateRenderer renderer, MergeDataFactory mergeData)
{
    /// <summary>The first contact, in preference order, whose channel the template has a part for.</summary>
    public static ResolvedContact? ChooseContact(MessageTemplate variant, IEnumerable<ResolvedContact> contacts) =>
        contacts.FirstOrDefault(c => HasPart(variant, c.Mode.ToChannel()));

    public static bool HasPart(MessageTemplate template, Channel channel) => channel switch
    {
        Channel.Email => !string.IsNullOrWhiteSpace(template.EmailHtmlBody),
        Channel.Sms => !string.IsNullOrWhiteSpace(template.SmsBody),
        _ => !string.IsNullOrWhiteSpace(template.VoiceScript),
    };

    /// <summary>The practice's own merge fields, formatted once for a whole campaign.</summary>
    public PreparedPractice Prepare(PracticeProfile profile) => mergeData.Prepare(profile);

    public PlannedMessage Render(MessageTemplate variant, ResolvedContact contact, Patient patient, Appointment? appointment,
        DueItem? due, PracticeProfile profile, IReadOnlyList<NamedAppointment>? together = null) =>
        Render(variant, contact, patient, appointment, due, mergeData.Prepare(profile), together);

    /// <summary>
    /// <paramref name="together"/>: every child's appointment when one message names several children (see
    /// <see cref="MergeDataFactory.Summary"/>); null for a message about one appointment.
    /// </summary>
    public PlannedMessage Render(MessageTemplate variant, ResolvedContact contact, Patient patient, Appointment? appointment,
        DueItem? due, PreparedPractice practice, IReadOnlyList<NamedAppointment>? together = null)
    {
        var channel = contact.Mode.ToChannel();
        var language = variant.Language;
        switch (channel)
        {
            case Channel.Email:
            {
                // The subject and the body see the same values (only a voice part words the provider differently).
                var data = mergeData.Create(practice, patient, appointment, due, TemplatePart.EmailBody, language, together);
                var subject = renderer.Render(TemplatePart.EmailSubject, variant.EmailSubject, data);
                var body = renderer.Render(TemplatePart.EmailBody, variant.EmailHtmlBody, data);
                return new PlannedMessage(patient.Id, contact.ContactPointId, appointment?.Id, contact.Mode, contact.Value,
                    subject, body, language, 0, CreditRates.Outbound(contact.Mode), due);
            }
            case Channel.Sms:
            {
                var text = renderer.Render(TemplatePart.Sms, variant.SmsBody,
                    mergeData.Create(practice, patient, appointment, due, TemplatePart.Sms, language, together));
                var segments = SmsSegmenter.Count(text).Segments;
                return new PlannedMessage(patient.Id, contact.ContactPointId, appointment?.Id, contact.Mode, contact.Value,
                    null, text, language, segments, CreditRates.Text(segments, practice.PerSegmentTextPricing), due);
            }
            default:
            {
                var script = renderer.Render(TemplatePart.Voice, variant.VoiceScript,
                    mergeData.Create(practice, patient, appointment, due, TemplatePart.Voice, language, together));
                return new PlannedMessage(patient.Id, contact.ContactPointId, appointment?.Id, contact.Mode, contact.Value,
                    null, script, language, 0, CreditRates.Outbound(contact.Mode), due);
            }
        }
    }
}
