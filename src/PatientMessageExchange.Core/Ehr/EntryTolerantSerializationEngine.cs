using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// Firely's strict deserializer, except that a search page whose only errors sit inside some entries' resources is
/// still returned: those entries are dropped from the bundle and reported (<see cref="BundleEntryErrors"/>), so one
/// malformed resource costs that resource, not the page. Errors outside entries still fail the whole response.
/// </summary>
internal sealed partial class EntryTolerantSerializationEngine : IFhirSerializationEngine
{
    private readonly IFhirSerializationEngine _strict = FhirSerializationEngineFactory.Strict(ModelInfo.ModelInspector);

    public Resource? DeserializeFromJson(string data)
    {
        try
        {
            return _strict.DeserializeFromJson(data);
        }
        catch (DeserializationFailedException failed) when (failed.PartialResult is Bundle bundle)
        {
            var errors = new Dictionary<int, List<string>>();
            foreach (var error in failed.Exceptions)
            {
                var path = (error as ExtendedCodedException)?.InstancePath ?? "";
                var match = EntryPath().Match(path);
                if (!match.Success)
                {
                    throw;
                }
                var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!errors.TryGetValue(index, out var list))
                {
                    errors[index] = list = [];
                }
                // The message names the element and quotes the bad literal; keep the element, drop the value (PHI).
                list.Add($"{match.Groups[2].Value.TrimStart('.')}: {Describe(error)}");
            }
            var dropped = new List<BundleEntryError>();
            for (var i = bundle.Entry.Count - 1; i >= 0; i--)
            {
                if (errors.TryGetValue(i, out var list))
                {
                    var resource = bundle.Entry[i].Resource;
                    dropped.Add(new BundleEntryError(resource?.TypeName ?? "Resource", resource?.Id ?? $"entry {i + 1}",
                        string.Join("; ", list)));
                    bundle.Entry.RemoveAt(i);
                }
            }
            dropped.Reverse();
            bundle.AddAnnotation(new BundleEntryErrors(dropped));
            return bundle;
        }
    }

    private static string Describe(Exception error)
    {
        var message = error.Message;
        var at = message.IndexOf(" At ", StringComparison.Ordinal);
        message = at > 0 ? message[..at] : message;
        return LeadingLiteral().Replace(message, "the value");
    }

    public Resource? DeserializeFromXml(string data) => _strict.DeserializeFromXml(data);

    public string SerializeToJson(Resource instance) => _strict.SerializeToJson(instance);

    public string SerializeToXml(Resource instance) => _strict.SerializeToXml(instance);

    [GeneratedRegex(@"^Bundle\.entry\[(\d+)\]\.resource(.*)$")]
    private static partial Regex EntryPath();

    // "string 'x' is not a correct literal for a date": the type and the literal the server sent lead the message.
    [GeneratedRegex(@"^(?:integer|string|number|boolean|decimal) \S+")]
    private static partial Regex LeadingLiteral();
}

internal sealed record BundleEntryError(string ResourceType, string ResourceId, string Reason);

internal sealed record BundleEntryErrors(IReadOnlyList<BundleEntryError> Errors);
