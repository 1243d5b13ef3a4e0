using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A real FHIR R4 server for the sync tests: Medplum's FHIR router over its in-memory repository (tests/fhir-server,
/// installed by eng/test.sh with npm ci), started under Node on 127.0.0.1 and a port of the system's choosing, which
/// the script prints. Disposing it closes the script's standard input and kills it.
/// </summary>
public sealed partial class MedplumFhirServer
{
    private static readonly IFhirSerializationEngine Json = FhirSerializationEngineFactory.Strict(ModelInfo.ModelInspector);
    private Process? _process;
    private readonly StringBuilder _errors = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };

    public int Port { get; private set; }

    public string Origin => $"http://127.0.0.1:{Port}";

    public string FhirBaseUrl => $"{Origin}/fhir/R4";

    public string TokenUrl => $"{Origin}/token";

    public static string ScriptFolder => Path.Combine(RepositoryPaths.Root, "tests", "fhir-server");

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "@medplum", "fhir-router")))
        {
            throw new InvalidOperationException(
                "tests/fhir-server/node_modules is missing; eng/test.sh installs it (cd tests/fhir-server && npm ci).");
        }
        var start = new ProcessStartInfo(NodePath)
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Medplum's core needs a global WebSocket, which Node 22 has and Node 20 has behind a flag.
        if (await NodeMajorVersionAsync() < 22)
        {
            start.ArgumentList.Add("--experimental-websocket");
        }
        start.ArgumentList.Add("server.js");
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The FHIR test server did not start: {line}\n{StandardError}");
        }
        Port = int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public string StandardError
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>
    /// The Node executable: PMX_NODE when set (eng/test.sh points it at the Node that Playwright ships when the system's
    /// is older than 20), otherwise "node" from the PATH.
    /// </summary>
    private static string NodePath =>
        Environment.GetEnvironmentVariable("PMX_NODE") is { Length: > 0 } configured ? configured : "node";

    private static async Task<int> NodeMajorVersionAsync()
    {
        using var node = Process.Start(new ProcessStartInfo(NodePath, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var version = (await node.StandardOutput.ReadToEndAsync()).Trim().TrimStart('v');
        await node.WaitForExitAsync();
        return int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Empties the repository and forgets faults, authentication and recorded requests.</summary>
    public Task ResetAsync() => ControlAsync("reset", new { });

    /// <summary>Loads resources with batch PUTs (their ids kept), in chunks; fails on any entry the server refuses.</summary>
    public async Task LoadAsync(IEnumerable<Resource> resources, int chunk = 1000)
    {
        foreach (var part in resources.Chunk(chunk))
        {
            var bundle = new Bundle { Type = Bundle.BundleType.Batch };
            foreach (var resource in part)
            {
                bundle.Entry.Add(new Bundle.EntryComponent
                {
                    Resource = resource,
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
                });
            }
            using var content = new StringContent(Json.SerializeToJson(bundle), Encoding.UTF8, "application/fhir+json");
            using var response = await Http.PostAsync(FhirBaseUrl, content);
            var text = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            var answer = (Bundle)Json.DeserializeFromJson(text)!;
            var refused = answer.Entry.Where(e => e.Response?.Status is not { } s || !s.StartsWith('2')).ToList();
            if (refused.Count > 0)
            {
                throw new InvalidOperationException($"The FHIR server refused {refused.Count} of {part.Length} resources: " +
                                                    refused[0].Response?.Outcome?.ToString());
            }
        }
    }

    /// <summary>Updates one resource as the EHR would (its lastUpdated moves on).</summary>
    public async Task PutAsync(Resource resource)
    {
        using var content = new StringContent(Json.SerializeToJson(resource), Encoding.UTF8, "application/fhir+json");
        using var response = await Http.PutAsync($"{FhirBaseUrl}/{resource.TypeName}/{resource.Id}", content);
        response.EnsureSuccessStatusCode();
    }

    public async Task<T> ReadAsync<T>(string reference) where T : Resource
    {
        var text = await Http.GetStringAsync($"{FhirBaseUrl}/{reference}");
        return (T)Json.DeserializeFromJson(text)!;
    }

    /// <summary>The next <paramref name="times"/> requests whose path and query contain <paramref name="match"/> get this status.</summary>
    public Task FailAsync(string match, int status = 500, int times = 1) => ControlAsync("faults", new { match, status, times });

    /// <summary>The next matching request is never answered: the client's timeout must end it.</summary>
    public Task HangAsync(string match, int times = 1) => ControlAsync("faults", new { match, hang = true, times });

    /// <summary>From now on this resource comes back malformed (a birthDate that is no date, a gender that is a number).</summary>
    public Task CorruptAsync(string reference) => ControlAsync("faults", new { malformed = reference });

    public Task RequireBearerAsync(string token) => ControlAsync("auth", new { bearer = token });

    public Task RequireSmartAsync(string clientId, JsonObject publicJwk) => ControlAsync("auth", new { smart = new { clientId, jwk = publicJwk } });

    /// <summary>The client assertions the token endpoint accepted: each one's JOSE header and claims.</summary>
    public async Task<JsonArray> AssertionsAsync() => (JsonArray)JsonNode.Parse(await Http.GetStringAsync($"{Origin}/control/assertions"))!;

    /// <summary>The write requests the FHIR API received (method, url, body).</summary>
    public async Task<JsonArray> WritesAsync() => (JsonArray)JsonNode.Parse(await Http.GetStringAsync($"{Origin}/control/requests"))!;

    private async Task ControlAsync(string route, object body)
    {
        using var response = await Http.PostAsJsonAsync($"{Origin}/control/{route}", body,
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
