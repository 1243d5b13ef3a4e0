using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// The one SDK client the gateways share, and the translation of the SDK's outcomes into ours. 429 is the only failure
/// that certainly created nothing besides a 4xx with an error code; a timeout, a dropped connection or a 5xx is ambiguous.
/// </summary>
public sealed class TwilioApi : IDisposable
{
    private readonly System.Net.Http.HttpClient _http;

    public TwilioApi(IOptions<TwilioOptions> options)
    {
        var o = options.Value;
        var overrideBase = string.IsNullOrWhiteSpace(o.ApiBaseUrlOverride) ? null : new Uri(o.ApiBaseUrlOverride);
        _http = new System.Net.Http.HttpClient(new TwilioHttpHandler(overrideBase)) { Timeout = TimeSpan.FromSeconds(30) };
        Client = new TwilioRestClient(o.AccountSid, o.AuthToken, o.AccountSid, null, new SystemNetHttpClient(_http));
    }

    public ITwilioRestClient Client { get; }

    /// <summary>Runs one create call and says what happened.</summary>
    public static async Task<GatewayResult> CreateAsync(Func<Task<string>> create)
    {
        var notes = TwilioHttpHandler.BeginNotes();
        try
        {
            return GatewayResult.Accepted(await create());
        }
        catch (ApiException ex) when (ex.Status == 429)
        {
            return new GatewayResult(GatewayOutcome.Throttled, null, ex.Code, "Twilio asked us to slow down (429).",
                notes.RetryAfter ?? TimeSpan.FromSeconds(30));
        }
        catch (ApiException ex) when (ex.Status is >= 400 and < 500)
        {
            return new GatewayResult(GatewayOutcome.Refused, null, ex.Code, $"Twilio refused it: error {ex.Code} ({ex.Status}).");
        }
        catch (ApiException ex)
        {
            return new GatewayResult(GatewayOutcome.Ambiguous, null, ex.Code, $"Twilio answered {ex.Status}; it may have been created.");
        }
        catch (ApiConnectionException)
        {
            return new GatewayResult(GatewayOutcome.Ambiguous, null, null, "No answer from Twilio; it may have been created.");
        }
    }

    public void Dispose() => _http.Dispose();
}
