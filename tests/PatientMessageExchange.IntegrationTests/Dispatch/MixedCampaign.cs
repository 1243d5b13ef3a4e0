using System.Globalization;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

/// <summary>
/// One campaign of emails, texts and calls, and the settings that make a separate worker process send it: emails to the
/// harness's SMTP server, texts and calls through the real Twilio SDK to <see cref="FakeTwilioApi"/>.
/// </summary>
public static class MixedCampaign
{
    public const int EmailCost = 1;
    public const int TextCost = 2;
    public const int CallCost = 3;

    /// <summary>Hangfire job slots in each worker: the text batch, the call batch and one email batch at a time.</summary>
    public const int JobSlots = 3;

    public static int Cost(int emails, int texts, int calls) => emails * EmailCost + texts * TextCost + calls * CallCost;

    /// <summary>
    /// Texts first, then calls, then emails (one batch per channel before the email batches), so a worker's three job
    /// slots send all three channels at once. Every address and text body is unique, as the provider lookups need.
    /// </summary>
    public static CampaignDraft Draft(int emails, int texts, int calls)
    {
        if (texts > 1000 || calls > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(texts), "Texts and calls each take numbers from a block of 1,000.");
        }
        var textMessages = Enumerable.Range(0, texts).Select(i => new PlannedMessage(null, null, null, ContactMode.Text,
            $"+1617555{1000 + i:D4}", null, $"Reminder {i}: your appointment is tomorrow.", "en", 1, TextCost));
        var callMessages = Enumerable.Range(0, calls).Select(i => new PlannedMessage(null, null, null, ContactMode.Phone,
            $"+1617555{2000 + i:D4}", null, $"This is a reminder, number {i}, of your appointment tomorrow.", "en", 0, CallCost));
        var emailMessages = Enumerable.Range(0, emails).Select(i => new PlannedMessage(null, null, null, ContactMode.Email,
            $"mixed{i}@example.com", $"Reminder {i}", $"<p>Reminder {i}: see you soon.</p>", "en", 0, EmailCost));
        return new CampaignDraft(CampaignKind.Personalized, "Mixed campaign", Need.AppointmentReminder, null, "Reminder", "<p>Reminder</p>",
            "Reminder", "Reminder", "mixed audience", null, [.. textMessages, .. callMessages, .. emailMessages], []);
    }

    /// <summary>A worker process that sends email to the harness's SMTP server, on the harness app's database.</summary>
    public static Dictionary<string, string> EmailWorkerSettings(DispatchHarness harness, int leaseSeconds, int emailConcurrency) =>
        new(harness.App.DatabaseSettings)
        {
            ["Hosting:Role"] = "Worker",
            ["Database:MigrateOnStart"] = "false",
            ["Email:Provider"] = "Smtp",
            ["Email:FromAddress"] = "messages@maple.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = harness.Sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:PoolSize"] = emailConcurrency.ToString(CultureInfo.InvariantCulture),
            ["App:PublicBaseUrl"] = DispatchHarness.PublicBaseUrl,
            ["Dispatch:EmailConcurrency"] = emailConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Dispatch:LeaseSeconds"] = leaseSeconds.ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>The email worker of <see cref="EmailWorkerSettings"/>, also sending texts and calls through the Twilio fake.</summary>
    public static Dictionary<string, string> WorkerSettings(DispatchHarness harness, FakeTwilioApi api, int leaseSeconds,
        int textsPerSecond, int callsPerSecond)
    {
        var settings = EmailWorkerSettings(harness, leaseSeconds, emailConcurrency: 1);
        settings["Jobs:WorkerCount"] = JobSlots.ToString(CultureInfo.InvariantCulture);
        settings["Sms:Provider"] = "Twilio";
        settings["Voice:Provider"] = "Twilio";
        settings["Twilio:AccountSid"] = "ACtest";
        settings["Twilio:AuthToken"] = "test-auth-token-0123456789abcdef";
        settings["Twilio:FromNumber"] = "+16175550199";
        settings["Twilio:VoiceCallerId"] = "+16175550199";
        settings["Twilio:PublicBaseUrl"] = DispatchHarness.PublicBaseUrl;
        settings["Twilio:MessagesPerSecond"] = textsPerSecond.ToString(CultureInfo.InvariantCulture);
        settings["Twilio:CallsPerSecond"] = callsPerSecond.ToString(CultureInfo.InvariantCulture);
        settings["Twilio:ApiBaseUrlOverride"] = api.BaseUrl;
        // Texts and calls go out only inside the send window, in the practice's time zone (America/New_York): all day here.
        settings["Dispatch:SendWindowStart"] = "00:00";
        settings["Dispatch:SendWindowEnd"] = "23:59:59";
        return settings;
    }
}
