using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.EmailBroadcast;

/// <summary>The composer page: the form as typed, the broadcast templates (previously used first) and any errors by field.</summary>
public sealed record BroadcastComposerModel(
    BroadcastForm Form,
    IReadOnlyList<MessageTemplate> Templates,
    IReadOnlyDictionary<string, string> Errors,
    string TimeZoneName)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var error) ? error : null;
}
