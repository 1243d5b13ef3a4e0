using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Utility;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// The EHR's FHIR R4 API through Firely's client: paged searches by <c>_lastUpdated</c>, reads, and the Appointment
/// update of the write-back. Every failure surfaces as <see cref="EhrRequestException"/> with a message fit for the
/// sync page (status, timeout, resource type; never patient data).
/// </summary>
public sealed class EhrFhirGateway : IDisposable
{
    private readonly HttpClient _http;
    private readonly FhirClient _client;

    public EhrFhirGateway(string baseUrl, EhrCredentials credentials, TimeSpan timeout, TimeProvider clock)
    {
        var tokenHttp = new HttpClient { Timeout = timeout };
        var smart = credentials.Mode == EhrAuthMode.SmartBackendServices
            ? new SmartBackendTokenClient(tokenHttp, credentials, clock) : null;
        _http = new HttpClient(new EhrAuthHandler(credentials, smart) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = timeout,
        };
        _tokenHttp = tokenHttp;
        _client = new FhirClient(new Uri(baseUrl.TrimEnd('/') + "/"), _http, new FhirClientSettings
        {
            PreferredFormat = ResourceFormat.Json,
            VerifyFhirVersion = false,
            Timeout = (int)timeout.TotalMilliseconds,
            SerializationEngine = new EntryTolerantSerializationEngine(),
            ReturnPreference = ReturnPreference.Representation,
        });
    }

    private readonly HttpClient _tokenHttp;

    /// <summary>The first page of a type's resources changed at or after <paramref name="sinceUtc"/>, oldest first.</summary>
    public Task<EhrPage> SearchChangedAsync(string resourceType, DateTimeOffset? sinceUtc, int pageSize, CancellationToken ct)
    {
        var criteria = new List<string> { "_sort=_lastUpdated" };
        if (sinceUtc is not null)
        {
            // ge, not gt: resources sharing the cursor's instant may sit on both sides of a page boundary; reading one
            // again is harmless, missing one is not.
            criteria.Add("_lastUpdated=ge" + sinceUtc.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        return CallAsync($"searching {resourceType}", async () =>
            ToPage(await _client.SearchAsync(resourceType, criteria.ToArray(), pageSize: pageSize, ct: ct)
                   ?? throw new EhrRequestException($"The EHR answered a {resourceType} search without a bundle.")));
    }

    public async Task<EhrPage?> NextAsync(EhrPage page, string resourceType, CancellationToken ct)
    {
        if (!page.HasNext)
        {
            return null;
        }
        var next = await CallAsync($"paging {resourceType}", () => _client.ContinueAsync(page.Bundle, PageDirection.Next, ct));
        return next is null ? null : ToPage(next);
    }

    public Task<TResource?> ReadAsync<TResource>(string reference, CancellationToken ct) where TResource : Resource =>
        CallAsync($"reading {typeof(TResource).Name}", async () =>
        {
            try
            {
                return await _client.ReadAsync<TResource>(reference, ct: ct);
            }
            catch (FhirOperationException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return null;
            }
        });

    /// <summary>Updates the appointment, conditional on the version read (If-Match), so a concurrent EHR edit is not lost.</summary>
    public Task<Appointment?> UpdateAppointmentAsync(Appointment appointment, CancellationToken ct) =>
        CallAsync("updating Appointment", () => _client.UpdateAsync(appointment, versionAware: true, ct: ct));

    private static EhrPage ToPage(Bundle bundle)
    {
        var problems = new List<EhrEntryProblem>();
        if (bundle.Annotation<BundleEntryErrors>() is { } errors)
        {
            problems.AddRange(errors.Errors.Select(e => new EhrEntryProblem(e.ResourceType, e.ResourceId, e.Reason)));
        }
        var resources = new List<Resource>(bundle.Entry.Count);
        foreach (var entry in bundle.Entry)
        {
            if (entry.Search?.Mode == Bundle.SearchEntryMode.Include || entry.Search?.Mode == Bundle.SearchEntryMode.Outcome)
            {
                continue;
            }
            if (entry.Resource is null)
            {
                problems.Add(new EhrEntryProblem("Resource", entry.FullUrl ?? "(no id)", "The entry has no resource."));
                continue;
            }
            resources.Add(entry.Resource);
        }
        return new EhrPage(bundle, resources, problems);
    }

    private static async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (FhirOperationException e)
        {
            throw new EhrRequestException($"The EHR answered {(int)e.Status} ({e.Status}) while {what}.", e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException || !e.CancellationToken.IsCancellationRequested)
        {
            throw new EhrRequestException($"The EHR did not answer in time while {what}.", e);
        }
        catch (TimeoutException e)
        {
            throw new EhrRequestException($"The EHR did not answer in time while {what}.", e);
        }
        catch (HttpRequestException e)
        {
            throw new EhrRequestException($"The EHR could not be reached while {what} ({e.HttpRequestError}).", e);
        }
        catch (Exception e) when (e is FormatException or Hl7.Fhir.Serialization.DeserializationFailedException or System.Text.Json.JsonException
)
        {
            throw new EhrRequestException($"The EHR's answer could not be read while {what}.", e);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _tokenHttp.Dispose();
    }
}
