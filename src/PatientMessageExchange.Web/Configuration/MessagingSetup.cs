using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.Core.Channels.Outbox;
using PatientMessageExchange.Core.Channels.Twilio;

namespace PatientMessageExchange.Web.Configuration;

public static class MessagingSetup
{
    /// <summary>
    /// The channels. Each provider is chosen by explicit configuration; the embedded default is the outbox, which
    /// keeps every message in the data folder and sends nothing.
    /// </summary>
    public static void AddMessaging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().Configure<DataFolder>((o, folder) => o.Folder = folder.Subfolder("outbox"));

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IOptions<EmailOptions>>((smtp, email) => email.Value.Provider != EmailProvider.Smtp || !string.IsNullOrWhiteSpace(smtp.Host),
                "Email:Smtp:Host is required when Email:Provider is Smtp.")
            .ValidateOnStart();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<OutboxEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Provider == EmailProvider.Smtp
                ? sp.GetRequiredService<SmtpEmailTransport>()
                : sp.GetRequiredService<OutboxEmailTransport>());

        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateOnStart();
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateOnStart();
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IOptions<SmsOptions>, IOptions<VoiceOptions>>((twilio, sms, voice) => Problems(twilio, sms.Value, voice.Value) is null,
                "Twilio settings are incomplete: Twilio:AccountSid, Twilio:AuthToken (environment or user-secrets), Twilio:PublicBaseUrl " +
                "(absolute), and Twilio:MessagingServiceSid or Twilio:FromNumber for texts, Twilio:VoiceCallerId for calls.")
            .ValidateOnStart();
        services.AddSingleton<TwilioApi>();
        services.AddSingleton<TwilioSmsGateway>();
        services.AddSingleton<TwilioVoiceGateway>();
        services.AddSingleton<OutboxSmsGateway>();
        services.AddSingleton<OutboxVoiceGateway>();
        services.AddSingleton<ISmsGateway>(sp =>
            sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider == TelephonyProvider.Twilio
                ? sp.GetRequiredService<TwilioSmsGateway>()
                : sp.GetRequiredService<OutboxSmsGateway>());
        services.AddSingleton<IVoiceGateway>(sp =>
            sp.GetRequiredService<IOptions<VoiceOptions>>().Value.Provider == TelephonyProvider.Twilio
                ? sp.GetRequiredService<TwilioVoiceGateway>()
                : sp.GetRequiredService<OutboxVoiceGateway>());
    }

    /// <summary>What is missing for the Twilio providers chosen, or null.</summary>
    private static string? Problems(TwilioOptions twilio, SmsOptions sms, VoiceOptions voice)
    {
        var usesSms = sms.Provider == TelephonyProvider.Twilio;
        var usesVoice = voice.Provider == TelephonyProvider.Twilio;
        if (!usesSms && !usesVoice)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(twilio.AccountSid) || string.IsNullOrWhiteSpace(twilio.AuthToken) || twilio.PublicBase() is null)
        {
            return "account";
        }
        if (usesSms && string.IsNullOrWhiteSpace(twilio.MessagingServiceSid) && string.IsNullOrWhiteSpace(twilio.FromNumber))
        {
            return "sms";
        }
        return usesVoice && string.IsNullOrWhiteSpace(twilio.VoiceCallerId) ? "voice" : null;
    }

    public static bool UsesOutbox(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<EmailOptions>>().Value.Provider == EmailProvider.Outbox;

    public static bool UsesSmsOutbox(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<SmsOptions>>().Value.Provider == TelephonyProvider.Outbox;

    public static bool UsesVoiceOutbox(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<VoiceOptions>>().Value.Provider == TelephonyProvider.Outbox;
}
