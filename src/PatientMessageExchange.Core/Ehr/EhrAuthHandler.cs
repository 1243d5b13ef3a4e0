using System.Net.Http.Headers;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>Puts the bearer token (configured, or obtained through SMART Backend Services) on every request to the EHR.</summary>
internal sealed class EhrAuthHandler(EhrCredentials credentials, SmartBackendTokenClient? smart) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = credentials.Mode switch
        {
            EhrAuthMode.BearerToken => credentials.BearerToken,
            EhrAuthMode.SmartBackendServices => await smart!.GetAccessTokenAsync(ct),
            _ => null,
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, ct);
    }
}
