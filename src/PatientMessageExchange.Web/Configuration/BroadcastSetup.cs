using System.Security.Cryptography;
using DnsClient;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Channels.Email;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Web.Configuration;

public static class BroadcastSetup
{
    private const string KeySetting = "Broadcasts:UnsubscribeKey";

    /// <summary>
    /// Email broadcasts: list building, the RFC 8058 headers and footer on every broadcast email, one-click unsubscribe,
    /// and the bounce recorder. Unsubscribe links point at <c>App:PublicBaseUrl</c>, which is required once email really
    /// leaves the machine (the embedded default uses the address Kestrel listens on).
    /// </summary>
    public static void AddBroadcasts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || PublicUrlOptions.IsValid(o.PublicBaseUrl),
                "App:PublicBaseUrl must be an absolute http(s) URL without query, such as https://messages.example-pediatrics.com.")
            .Validate<IOptions<EmailOptions>>((o, email) => email.Value.Provider != EmailProvider.Smtp || !string.IsNullOrWhiteSpace(o.PublicBaseUrl),
                "App:PublicBaseUrl is required when Email:Provider is Smtp: every broadcast email links to it to unsubscribe.")
            .ValidateOnStart();

        services.AddSingleton(sp => new UnsubscribeTokens(LoadKey(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DataFolder>())));
        // The same key, under another purpose: a confirmation email's confirm/cancel link.
        services.AddSingleton(sp => new AppointmentResponseTokens(LoadKey(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DataFolder>())));
        services.AddSingleton<AppointmentResponseLinks>();
        services.AddSingleton<PublicLinks>();
        services.AddHostedService<ListeningAddressPublisher>();
        services.AddSingleton<BroadcastCompliance>();
        services.AddSingleton<IEmailHeaders, EmailAdditions>();
        services.AddScoped<BroadcastListBuilder>();
        services.AddScoped<BroadcastComposer>();
        services.AddScoped<BroadcastReports>();
        services.AddScoped<Unsubscriber>();
        services.AddScoped<BounceRecorder>();
        if (builder.Configuration.GetValue<bool>($"{BroadcastOptions.Section}:{nameof(BroadcastOptions.CheckMx)}"))
        {
            services.AddSingleton<ILookupClient>(new LookupClient());
            services.AddSingleton<IMailServerCheck, DnsMailServerCheck>();
        }
    }

    /// <summary>
    /// The HMAC key of unsubscribe tokens: <c>Broadcasts:UnsubscribeKey</c> (base64, 32+ bytes, from the environment) when
    /// set, otherwise a random key kept in the data folder beside the Data Protection keys, which web and worker share.
    /// Changing it invalidates the links in every email already sent.
    /// </summary>
    private static byte[] LoadKey(IConfiguration configuration, DataFolder folder)
    {
        var configured = configuration[KeySetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= 32 ? key : throw new InvalidOperationException($"{KeySetting} must be at least 32 bytes (base64).");
        }
        var path = Path.Combine(folder.Subfolder("keys"), "unsubscribe.key");
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            // Only the app's own user may read the key (0600): with it anyone could forge unsubscribe links.
            using (var stream = OperatingSystem.IsWindows()
                       ? new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)
                       : new FileStream(temporary, new FileStreamOptions
                       {
                           Mode = FileMode.CreateNew,
                           Access = FileAccess.Write,
                           UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                       }))
            {
                stream.Write(RandomNumberGenerator.GetBytes(32));
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
                File.Delete(temporary);
            }
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            // A key created before it was made private.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return File.ReadAllBytes(path);
    }
}
