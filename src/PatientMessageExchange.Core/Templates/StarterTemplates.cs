using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// The templates a new practice starts with: one per need, in English with a Spanish translation. Voice scripts
/// never say why the child is seen (R7): no visit type, no vaccine, no amount; whoever answers may not be the parent.
/// </summary>
public static class StarterTemplates
{
    private const string Signature = "<p>{{ practice.name }}<br>{{ practice.address }}<br>{{ practice.phone }}</p>";

    /// <summary>New, unsaved rows; a translation holds its original in <see cref="MessageTemplate.VariantOf"/>.</summary>
    public static IReadOnlyList<MessageTemplate> Create(DateTimeOffset nowUtc)
    {
        var all = new List<MessageTemplate>();
        void Family(string name, Need need, MergeScope scope, TemplateContent english, TemplateContent spanish)
        {
            var original = Row(name, need, scope, "en", english, nowUtc);
            var variant = Row(name, need, scope, "es", spanish, nowUtc);
            variant.VariantOf = original;
            all.Add(original);
            all.Add(variant);
        }

        // The appointment families say who is seen when through appointment.summary, so that a message the automated
        // scheduler merges for brothers and sisters names each child with their own time.
        Family("Appointment reminder", Need.AppointmentReminder, MergeScope.Personalized,
            new(
                "Reminder: appointment for {{ patient.preferred_name }} on {{ appointment.date }}",
                "<p>Dear {{ guardian.name }},</p>\n" +
                "<p>This is a reminder that {{ appointment.summary }}, at our {{ appointment.location }}.</p>\n" +
                "<p>If you need to reschedule, please call us at {{ practice.phone }}.</p>\n" + Signature,
                // One GSM-7 segment for one child with a practice name of about 20 characters.
                "{{ practice.name }}: {{ appointment.summary }}. To reschedule call {{ practice.phone }}. Reply STOP to opt out.",
                "This is {{ practice.name }} calling for the family of {{ patient.preferred_name }}. {{ appointment.summary }}. " +
                "To reschedule, please call {{ practice.phone }}. Thank you."),
            new(
                "Recordatorio: cita de {{ patient.preferred_name }} el {{ appointment.date }}",
                "<p>Estimado/a {{ guardian.name }}:</p>\n" +
                "<p>Le recordamos que {{ appointment.summary }}, en {{ appointment.location }}.</p>\n" +
                "<p>Si necesita cambiar una cita, llámenos al {{ practice.phone }}.</p>\n" + Signature,
                "{{ practice.name }}: recordatorio, {{ appointment.summary }}. Para cambiar una cita llame al {{ practice.phone }}. " +
                "Responda STOP para no recibir mensajes.",
                "Le llama {{ practice.name }} para la familia de {{ patient.preferred_name }}. {{ appointment.summary }}. " +
                "Para cambiar una cita, llame al {{ practice.phone }}. Gracias."));

        // Replies: C or X by text (ReplyKeywords), 1, 2 or 3 on a call (CallReplyHandler); the call's own menu
        // (Twiml.EnglishMenu) says the digits again after the script.
        Family("Appointment confirmation", Need.AppointmentConfirmation, MergeScope.Personalized,
            new(
                "Please confirm: appointment for {{ patient.preferred_name }} on {{ appointment.date }}",
                "<p>Dear {{ guardian.name }},</p>\n" +
                "<p>{{ appointment.summary }}, at our {{ appointment.location }}.</p>\n" +
                "<p>Please call us at {{ practice.phone }} to confirm or to reschedule.</p>\n" + Signature,
                "{{ practice.name }}: {{ appointment.summary }}. Reply C to confirm or X to cancel. " +
                "To reschedule call {{ practice.phone }}. Reply STOP to opt out.",
                "This is {{ practice.name }} calling for the family of {{ patient.preferred_name }}. {{ appointment.summary }}. " +
                "To confirm, press 1. To cancel, press 2. To ask us to call you back, press 3."),
            new(
                "Por favor confirme: cita de {{ patient.preferred_name }} el {{ appointment.date }}",
                "<p>Estimado/a {{ guardian.name }}:</p>\n" +
                "<p>{{ appointment.summary }}, en {{ appointment.location }}.</p>\n" +
                "<p>Llámenos al {{ practice.phone }} para confirmar o cambiar la cita.</p>\n" + Signature,
                "{{ practice.name }}: {{ appointment.summary }}. Responda C para confirmar o X para cancelar. " +
                "Para cambiar una cita llame al {{ practice.phone }}. Responda STOP para no recibir mensajes.",
                "Le llama {{ practice.name }} para la familia de {{ patient.preferred_name }}. {{ appointment.summary }}. " +
                "Para confirmar, oprima 1. Para cancelar, oprima 2. Para que le llamemos, oprima 3."));

        Family("Well visit due", Need.RecallWellVisit, MergeScope.Personalized,
            new(
                "{{ patient.preferred_name }} is due for a checkup",
                "<p>Dear {{ guardian.name }},</p>\n" +
                "<p>Our records show that {{ patient.preferred_name }} is due for a {{ due.item }} on or after {{ due.date }}. " +
                "Regular checkups help us keep {{ patient.preferred_name }} healthy.</p>\n" +
                "<p>Please call us at {{ practice.phone }} to schedule.</p>\n" + Signature,
                "{{ practice.name }}: {{ patient.preferred_name }} is due for a {{ due.item }} ({{ due.date }}). " +
                "Call {{ practice.phone }} to schedule. Reply STOP to opt out.",
                "This is {{ practice.name }} calling for the family of {{ patient.preferred_name }}. " +
                "It is time to schedule a visit. Please call us at {{ practice.phone }}. Thank you."),
            new(
                "Es hora del chequeo de {{ patient.preferred_name }}",
                "<p>Estimado/a {{ guardian.name }}:</p>\n" +
                "<p>Nuestros registros indican que {{ patient.preferred_name }} debe venir para {{ due.item }} a partir del {{ due.date }}. " +
                "Los chequeos regulares nos ayudan a mantener sano a {{ patient.preferred_name }}.</p>\n" +
                "<p>Llámenos al {{ practice.phone }} para hacer una cita.</p>\n" + Signature,
                "{{ practice.name }}: {{ patient.preferred_name }} debe venir para {{ due.item }} ({{ due.date }}). " +
                "Llame al {{ practice.phone }} para hacer una cita. Responda STOP para no recibir mensajes.",
                "Le llama {{ practice.name }} para la familia de {{ patient.preferred_name }}. " +
                "Es hora de hacer una cita. Por favor llame al {{ practice.phone }}. Gracias."));

        Family("Immunization due", Need.ImmunizationDue, MergeScope.Personalized,
            new(
                "A message about {{ patient.preferred_name }}'s immunizations",
                "<p>Dear {{ guardian.name }},</p>\n" +
                "<p>Our records show that {{ patient.preferred_name }} is due for {{ due.item }} by {{ due.date }}.</p>\n" +
                "<p>Please call us at {{ practice.phone }} to schedule a visit.</p>\n" + Signature,
                "{{ practice.name }}: {{ patient.preferred_name }} is due for {{ due.item }} by {{ due.date }}. " +
                "Call {{ practice.phone }} to schedule. Reply STOP to opt out.",
                "This is {{ practice.name }} calling for the family of {{ patient.preferred_name }}. " +
                "Please call us at {{ practice.phone }} to schedule a visit. Thank you."),
            new(
                "Un mensaje sobre las vacunas de {{ patient.preferred_name }}",
                "<p>Estimado/a {{ guardian.name }}:</p>\n" +
                "<p>Nuestros registros indican que a {{ patient.preferred_name }} le corresponde {{ due.item }} antes del {{ due.date }}.</p>\n" +
                "<p>Llámenos al {{ practice.phone }} para hacer una cita.</p>\n" + Signature,
                "{{ practice.name }}: a {{ patient.preferred_name }} le corresponde {{ due.item }} antes del {{ due.date }}. " +
                "Llame al {{ practice.phone }} para hacer una cita. Responda STOP para no recibir mensajes.",
                "Le llama {{ practice.name }} para la familia de {{ patient.preferred_name }}. " +
                "Por favor llame al {{ practice.phone }} para hacer una cita. Gracias."));

        Family("Billing", Need.Billing, MergeScope.Personalized,
            new(
                "A message from {{ practice.name }} about your account",
                "<p>Dear {{ guardian.name }},</p>\n" +
                "<p>Please call our billing office at {{ practice.phone }} about your account. " +
                "We are happy to answer any questions.</p>\n" + Signature,
                "{{ practice.name }}: please call our billing office at {{ practice.phone }} about your account. Reply STOP to opt out.",
                "This is {{ practice.name }} calling for {{ guardian.name }}. " +
                "Please call our billing office at {{ practice.phone }}. Thank you."),
            new(
                "Un mensaje de {{ practice.name }} sobre su cuenta",
                "<p>Estimado/a {{ guardian.name }}:</p>\n" +
                "<p>Por favor llame a nuestra oficina de facturación al {{ practice.phone }} sobre su cuenta. " +
                "Con gusto contestaremos sus preguntas.</p>\n" + Signature,
                "{{ practice.name }}: por favor llame a la oficina de cobros al {{ practice.phone }} sobre su cuenta. Responda STOP para no recibir mensajes.",
                "Le llama {{ practice.name }} para {{ guardian.name }}. " +
                "Por favor llame a nuestra oficina de cobros al {{ practice.phone }}. Gracias."));

        Family("Flu clinic", Need.GeneralAnnouncement, MergeScope.Broadcast,
            new(
                "Flu clinic at {{ practice.name }}",
                "<h1>Flu clinic</h1>\n" +
                "<p>Flu season is here. {{ practice.name }} is holding flu clinics for patients six months and older, " +
                "and for their families' questions.</p>\n" +
                "<p>Call us at {{ practice.phone }} to book a time.</p>\n" + Signature,
                null,
                null),
            new(
                "Clínica de vacunación contra la gripe en {{ practice.name }}",
                "<h1>Clínica contra la gripe</h1>\n" +
                "<p>Llegó la temporada de gripe. {{ practice.name }} ofrece vacunación contra la gripe para pacientes " +
                "de seis meses en adelante.</p>\n" +
                "<p>Llámenos al {{ practice.phone }} para reservar un horario.</p>\n" + Signature,
                null,
                null));

        return all;
    }

    private static MessageTemplate Row(string name, Need need, MergeScope scope, string language, TemplateContent content,
        DateTimeOffset nowUtc) => new()
    {
        Name = name,
        Need = need,
        Scope = scope,
        Language = language,
        EmailSubject = content.EmailSubject,
        EmailHtmlBody = content.EmailHtmlBody,
        SmsBody = content.SmsBody,
        VoiceScript = content.VoiceScript,
        CreatedUtc = nowUtc,
        UpdatedUtc = nowUtc,
    };
}
