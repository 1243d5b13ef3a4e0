using System.Globalization;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Turns loaded records into the text a template sees for one recipient: dates and times in the practice's time zone
/// and the recipient's language, the provider as a call would say it on the phone, the phone number as people read it.
/// It never queries: a campaign loads patients, guardians, appointments and providers once and calls this per
/// recipient, so it is safe to use for a hundred thousand messages.
/// </summary>
public sealed class MergeDataFactory(ContactNormalizer normalizer, TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    /// <summary>
    /// The values for one recipient and part. <paramref name="patient"/> should have its guardians loaded and
    /// <paramref name="appointment"/> its provider; a missing one leaves its fields blank. The language is the
    /// patient's unless <paramref name="language"/> says otherwise (e.g. the language of the variant picked).
    /// </summary>
    public MergeData Create(PracticeProfile practice, Patient? patient, Appointment? appointment, DueItem? due,
        TemplatePart part, string? language = null, IReadOnlyList<NamedAppointment>? together = null) =>
        Create(Prepare(practice), patient, appointment, due, part, language, together);

    /// <summary>
    /// What every recipient of one campaign shares: the practice's fields (its phone number formatted once), its time
    /// zone and today's date there. A campaign prepares this once and passes it to
    /// <see cref="Create(PreparedPractice, Patient?, Appointment?, DueItem?, TemplatePart, string?, IReadOnlyList{NamedAppointment}?)"/> per recipient.
    /// </summary>
    public PreparedPractice Prepare(PracticeProfile practice)
    {
        var zone = practice.TimeZone;
        return new PreparedPractice(ForPractice(practice), zone, zone.LocalDate(clock.GetUtcNow()), practice.PerSegmentTextPricing);
    }

    /// <summary>The values for one recipient and part, with the practice's share prepared once.</summary>
    /// <remarks>
    /// <paramref name="together"/>: the appointments of one message that names several children (the automated
    /// scheduler merges brothers' and sisters' messages to one contact); <c>appointment.summary</c> then names each child
    /// with their own time. Each appointment should have its provider loaded.
    /// </remarks>
    public MergeData Create(PreparedPractice practice, Patient? patient, Appointment? appointment, DueItem? due,
        TemplatePart part, string? language = null, IReadOnlyList<NamedAppointment>? together = null)
    {
        var culture = CultureFor(language ?? patient?.Language);
        var zone = practice.TimeZone;
        var data = practice.Fields.Copy();
        if (patient is not null)
        {
            var today = practice.Today;
            var called = string.IsNullOrWhiteSpace(patient.PreferredName) ? patient.FirstName : patient.PreferredName;
            data.Set("patient", "first_name", patient.FirstName)
                .Set("patient", "preferred_name", called)
                .Set("patient", "last_name", patient.LastName)
                .Set("patient", "name", $"{called} {patient.LastName}")
                .Set("patient", "age", patient.AgeOn(today).ToString(culture));

            // An adult patient without a guardian on file is their own contact.
            var guardian = patient.Guardians.FirstOrDefault(g => g.IsPrimary) ?? patient.Guardians.FirstOrDefault();
            data.Set("guardian", "name", guardian?.FullName ?? $"{patient.FirstName} {patient.LastName}")
                .Set("guardian", "first_name", guardian?.FirstName ?? patient.FirstName);
        }
        if (appointment is not null)
        {
            var local = TimeZoneInfo.ConvertTime(appointment.StartUtc, zone);
            var provider = appointment.Provider;
            var providerName = provider is null ? "" : part == TemplatePart.Voice ? provider.SpokenName : provider.Name;
            data.Set("appointment", "date", FormatDay(local.DateTime, culture))
                .Set("appointment", "time", FormatTime(local.DateTime, culture))
                .Set("appointment", "provider", providerName)
                .Set("appointment", "location", appointment.Location)
                .Set("appointment", "type", appointment.AppointmentType);
            if (together is { Count: > 0 })
            {
                data.Set("appointment", "summary", Summary(together, zone, culture, part));
            }
            else if (patient is not null)
            {
                var called = string.IsNullOrWhiteSpace(patient.PreferredName) ? patient.FirstName : patient.PreferredName;
                data.Set("appointment", "summary", Summary([new NamedAppointment(called, appointment)], zone, culture, part));
            }
        }
        if (due is not null)
        {
            data.Set("due", "item", due.Name)
                .Set("due", "date", FormatDate(due.DueDate, culture));
        }
        return data;
    }

    /// <summary>
    /// "Ana has an appointment on Tuesday, December 1 at 9:30 AM with Dr. Lee"; for several children "Ben and Cara have
    /// appointments on Friday, October 30: Ben at 3:00 PM and Cara at 3:30 PM, with Dr. Lee" (the day and the provider
    /// are said once when they are shared, and per child when not). In Spanish "tiene una cita el … a las … con …" and
    /// "Ben y Cara tienen citas el …". A phone call says the provider's spoken name.
    /// </summary>
    public static string Summary(IReadOnlyList<NamedAppointment> appointments, TimeZoneInfo zone, CultureInfo culture, TemplatePart part)
    {
        var spanish = IsSpanish(culture);
        var rows = appointments.Select(a =>
        {
            var local = TimeZoneInfo.ConvertTime(a.Appointment.StartUtc, zone).DateTime;
            var provider = a.Appointment.Provider;
            var providerName = provider is null ? "" : part == TemplatePart.Voice ? provider.SpokenName : provider.Name;
            return (a.Name, Day: FormatDay(local, culture), Time: FormatTime(local, culture), Provider: providerName);
        }).ToList();
        string On(string day) => spanish ? $" el {day}" : $" on {day}";
        string At(string time) => spanish ? $" a las {time}" : $" at {time}";
        string With(string provider) => provider.Length == 0 ? "" : spanish ? $" con {provider}" : $" with {provider}";
        if (rows.Count == 1)
        {
            var one = rows[0];
            return $"{one.Name} {(spanish ? "tiene una cita" : "has an appointment")}{On(one.Day)}{At(one.Time)}{With(one.Provider)}";
        }
        var names = rows.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        var sameDay = rows.All(r => r.Day == rows[0].Day);
        var sameProvider = rows.All(r => r.Provider == rows[0].Provider);
        // One child with several visits is named once; brothers and sisters are each named before their own time.
        var each = rows.Select(r => ((names.Count > 1 ? r.Name : "") + (sameDay ? "" : On(r.Day)) + At(r.Time) +
                                     (sameProvider ? "" : With(r.Provider))).TrimStart()).ToList();
        var verb = names.Count > 1
            ? spanish ? "tienen citas" : "have appointments"
            : spanish ? "tiene citas" : "has appointments";
        return $"{JoinNames(names, culture)} {verb}{(sameDay ? On(rows[0].Day) : "")}: {JoinNames(each, culture)}" +
               (sameProvider && rows[0].Provider.Length > 0 ? "," + With(rows[0].Provider) : "");
    }

    /// <summary>"Ana", "Ana and Leo", "Ana, Leo and Mia"; in Spanish "Ana y Leo".</summary>
    public static string JoinNames(IReadOnlyList<string> names, CultureInfo culture)
    {
        if (names.Count == 1)
        {
            return names[0];
        }
        var and = IsSpanish(culture) ? "y" : "and";
        return string.Join(", ", names.Take(names.Count - 1)) + $" {and} " + names[^1];
    }

    /// <summary>The values a broadcast may use: the practice's own.</summary>
    public MergeData ForPractice(PracticeProfile practice) => new MergeData()
        .Set("practice", "name", practice.Name)
        .Set("practice", "phone", string.IsNullOrWhiteSpace(practice.Phone) ? "" : normalizer.FormatForDisplay(practice.Phone))
        .Set("practice", "address", practice.PostalAddress);

    /// <summary>en-US for English and any language we have no formats for; es-US for Spanish.</summary>
    public static CultureInfo CultureFor(string? language) =>
        TemplateLanguages.Normalize(language) == "es" ? Spanish : English;

    /// <summary>"Tuesday, December 1" or "martes, 1 de diciembre".</summary>
    public static string FormatDay(DateTime local, CultureInfo culture) =>
        local.ToString(IsSpanish(culture) ? "dddd, d 'de' MMMM" : "dddd, MMMM d", culture);

    /// <summary>
    /// "9:30 AM" or "9:30 a. m.", as the culture writes it, with plain spaces: the Spanish designator's no-break space
    /// is not in the GSM-7 alphabet, and one such character makes a whole text UCS-2 (70 characters a segment, not 160).
    /// </summary>
    public static string FormatTime(DateTime local, CultureInfo culture) =>
        local.ToString("h:mm tt", culture).Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>"December 1, 2026" or "1 de diciembre de 2026".</summary>
    public static string FormatDate(DateOnly date, CultureInfo culture) =>
        date.ToString(IsSpanish(culture) ? "d 'de' MMMM 'de' yyyy" : "MMMM d, yyyy", culture);

    private static bool IsSpanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es";
}

/// <summary>One child's appointment in a message that names several children: the name the message calls them by.</summary>
public sealed record NamedAppointment(string Name, Appointment Appointment);

/// <summary>
/// The practice's share of every recipient's merge data, from <see cref="MergeDataFactory.Prepare"/>, and how it prices
/// texts, so that a message is rendered and priced from one snapshot of the practice.
/// </summary>
public sealed class PreparedPractice(MergeData fields, TimeZoneInfo timeZone, DateOnly today, bool perSegmentTextPricing)
{
    public bool PerSegmentTextPricing { get; } = perSegmentTextPricing;

    internal MergeData Fields { get; } = fields;
    public TimeZoneInfo TimeZone { get; } = timeZone;
    public DateOnly Today { get; } = today;
}
