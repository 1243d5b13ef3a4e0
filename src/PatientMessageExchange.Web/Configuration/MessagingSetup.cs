using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.Core.Channels.Outbox;

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
    }

    public static bool UsesOutbox(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<EmailOptions>>().Value.Provider == EmailProvider.Outbox;
}
