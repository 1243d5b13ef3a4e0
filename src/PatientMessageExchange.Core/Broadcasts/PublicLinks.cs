using Microsoft.Extensions.Options;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// The base of every link a recipient opens (unsubscribe): <c>App:PublicBaseUrl</c> when configured; otherwise, in the
/// embedded default, the address this process actually listens on (set by the web host once Kestrel has bound), so a
/// link in an outbox email works under a plain <c>dotnet run</c> whatever the port. A process that serves no pages
/// (a worker) falls back to <see cref="PublicUrlOptions.EmbeddedDefault"/>.
/// </summary>
public sealed class PublicLinks(IOptions<PublicUrlOptions> options)
{
    private static readonly string[] WildcardHosts = ["+", "*", "0.0.0.0", "[::]"];

    private volatile string? _listening;

    public string BaseUrl =>
        !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? options.Value.PublicBaseUrl.TrimEnd('/')
        : _listening ?? PublicUrlOptions.EmbeddedDefault;

    /// <summary>Takes the first address the server bound; a wildcard host becomes <c>localhost</c>.</summary>
    public void UseListeningAddresses(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            var candidate = address;
            foreach (var wildcard in WildcardHosts)
            {
                candidate = candidate.Replace($"://{wildcard}:", "://localhost:", StringComparison.Ordinal);
            }
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && PublicUrlOptions.IsValid(uri.ToString()))
            {
                _listening = uri.GetLeftPart(UriPartial.Authority);
                return;
            }
        }
    }
}
