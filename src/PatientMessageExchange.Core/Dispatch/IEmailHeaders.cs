using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// Per-message additions to an email at send time, such as a broadcast's List-Unsubscribe headers and its compliance
/// footer, which carry a token for each recipient and so can't be stored once for the whole campaign.
/// </summary>
public interface IEmailHeaders
{
    /// <summary>Extra headers for one email; null when there are none.</summary>
    IReadOnlyDictionary<string, string>? For(Message message, SendContext context);

    /// <summary>The HTML body to send; the stored one unless something must be added for this recipient.</summary>
    string BodyFor(Message message, SendContext context) => message.Body;
}
