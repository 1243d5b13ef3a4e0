using System.Text;
using MimeKit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Benchmarks.Email;

/// <summary>
/// Personalized appointment reminders, each different (family, child, provider, time), padded with the practice's
/// usual paragraphs until the whole MIME message (HTML plus its text alternative, headers included) is about the
/// requested size. The sink measures what actually went over the wire; that figure is the one reported.
/// </summary>
public static class EmailWorkload
{
    public const string FromAddress = "messages@maple.example";
    public const string PracticeName = "Maple Street Pediatrics";

    private static readonly string[] Families = ["Garcia", "Nguyen", "Okafor", "Smith", "Kowalski", "Haddad", "Johnson", "Lee"];
    private static readonly string[] Children = ["Mia", "Liam", "Ava", "Noah", "Zoe", "Elijah", "Sofia", "Mateo", "Chloe", "Kai"];
    private static readonly string[] Providers = ["Dr. Patel", "Dr. Rivera", "Dr. Chen", "Nurse Practitioner Moore"];

    private const string Padding =
        "<p>Please arrive 15 minutes early and bring your child's insurance card, a list of current medicines and any " +
        "forms from school or camp. If your child has a fever, cough or rash, call us before you come so we can keep " +
        "other families safe. Parking is free in the lot behind the building; the entrance is on Maple Street.</p>";

    public static CampaignDraft Draft(int count, int approximateBytes)
    {
        var paragraphs = ParagraphsFor(approximateBytes);
        var messages = new List<PlannedMessage>(count);
        for (var i = 1; i <= count; i++)
        {
            var (subject, body) = Render(i, paragraphs);
            messages.Add(new PlannedMessage(null, null, null, ContactMode.Email, $"family{i}@example.com", subject, body, "en", 0, 1));
        }
        return new CampaignDraft(CampaignKind.Personalized, $"Benchmark reminder {approximateBytes / 1024} KB",
            Need.AppointmentReminder, null, "Reminder: {{ patient.first_name }}'s visit", "<p>…</p>", null, null,
            "benchmark audience", null, messages, []);
    }

    /// <summary>The same messages as the draft, built once as MimeKit would send them, for the bare MailKit baseline.</summary>
    public static List<MimeMessage> Prebuilt(CampaignDraft draft) =>
        draft.Messages.Select((m, i) => MimeMessageFactory.Create(
            new OutgoingEmail(i + 1, m.Address, PracticeName, m.Subject ?? "", m.Body), FromAddress, PracticeName, "maple.example")).ToList();

    public static long MimeSize(MimeMessage message)
    {
        using var counter = new MimeKit.IO.MeasuringStream();
        message.WriteTo(counter);
        return counter.Length;
    }

    private static int ParagraphsFor(int approximateBytes)
    {
        for (var paragraphs = 0; paragraphs < 1000; paragraphs++)
        {
            var (subject, body) = Render(1, paragraphs);
            var message = MimeMessageFactory.Create(new OutgoingEmail(1, "family1@example.com", PracticeName, subject, body),
                FromAddress, PracticeName, "maple.example");
            if (MimeSize(message) >= approximateBytes)
            {
                return paragraphs;
            }
        }
        return 1000;
    }

    private static (string Subject, string Body) Render(int i, int paragraphs)
    {
        var family = Families[i % Families.Length];
        var child = Children[i / Families.Length % Children.Length];
        var provider = Providers[i % Providers.Length];
        var at = new DateTime(2026, 12, 1, 8, 0, 0).AddMinutes(15 * (i % 40)).AddDays(i % 5);
        var body = new StringBuilder(512 + paragraphs * Padding.Length);
        body.Append("<p>Dear ").Append(family).Append(" family,</p>")
            .Append("<p>This is a reminder that ").Append(child).Append(" has an appointment with ").Append(provider)
            .Append(" on ").Append(at.ToString("dddd, MMMM d", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" at ").Append(at.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture))
            .Append(". Chart B").Append(i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).Append(".</p>");
        for (var p = 0; p < paragraphs; p++)
        {
            body.Append(Padding);
        }
        body.Append("<p>Questions? Call us at (617) 555-0100.<br>").Append(PracticeName).Append("</p>");
        return ($"Reminder: {child}'s visit on {at:MMM d}", body.ToString());
    }
}
