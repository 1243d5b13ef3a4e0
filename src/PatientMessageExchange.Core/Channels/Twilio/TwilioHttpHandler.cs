using System.Net;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// Sits under the SDK's <see cref="System.Net.Http.HttpClient"/>. It sends requests to
/// <see cref="TwilioOptions.ApiBaseUrlOverride"/> when one is set (tests only: the SDK has no base-URL option), and
/// keeps the Retry-After of a 429 for the caller, because the SDK's exception drops the response headers.
/// </summary>
public sealed class TwilioHttpHandler(Uri? baseOverride) : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly AsyncLocal<TwilioResponseNotes?> CurrentNotes = new();

    /// <summary>Starts noting what the responses of this async flow said; read it after the SDK call.</summary>
    public static TwilioResponseNotes BeginNotes() => CurrentNotes.Value = new TwilioResponseNotes();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (baseOverride is not null && request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseOverride.Scheme, Host = baseOverride.Host, Port = baseOverride.Port }.Uri;
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && CurrentNotes.Value is { } notes)
        {
            notes.RetryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - DateTimeOffset.UtcNow,
                _ => null,
            };
        }
        return response;
    }
}
