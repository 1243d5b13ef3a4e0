namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// Where the app is reached from the internet, for links in emails (the unsubscribe URL). Required when email really
/// leaves the machine; the embedded default uses the address it listens on (see <see cref="PublicLinks"/>).
/// </summary>
public class PublicUrlOptions
{
    public const string Section = "App";

    public const string EmbeddedDefault = "http://localhost";

    public string? PublicBaseUrl { get; set; }

    public static bool IsValid(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
