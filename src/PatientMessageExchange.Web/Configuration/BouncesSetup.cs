using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.Web.Configuration;

public static class BouncesSetup
{
    /// <summary>
    /// Bounce processing, and the IMAP bounce mailbox polled by a recurring job when Bounces:Mailbox:Enabled is set.
    /// </summary>
    public static void AddBounces(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BounceOptions>().BindConfiguration(BounceOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BounceMailboxOptions>().BindConfiguration(BounceMailboxOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.Host),
                "Bounces:Mailbox:Host is required when Bounces:Mailbox:Enabled is true.")
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.UserName),
                "Bounces:Mailbox:UserName is required when Bounces:Mailbox:Enabled is true.")
            .Validate(o => !o.Enabled || !string.IsNullOrEmpty(o.Password),
                "Bounces:Mailbox:Password is required when Bounces:Mailbox:Enabled is true (set the environment variable Bounces__Mailbox__Password).")
            .Validate(o => !string.Equals(o.Folder, o.ProcessedFolder, StringComparison.OrdinalIgnoreCase)
                           && !string.Equals(o.Folder, o.UnclassifiedFolder, StringComparison.OrdinalIgnoreCase),
                "Bounces:Mailbox:ProcessedFolder and UnclassifiedFolder must differ from Bounces:Mailbox:Folder.")
            .ValidateOnStart();

        services.AddScoped<BounceProcessor>();
        services.AddScoped<ImapBouncePoller>();
        services.AddScoped<BounceMailboxJob>();
        services.AddScoped<BounceLog>();
        services.AddHostedService<BounceJobsRegistration>();
    }
}
