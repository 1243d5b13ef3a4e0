using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>Extra headers for one email, such as a broadcast's List-Unsubscribe; null when there are none.</summary>
public interface IEmailHeaders
{
    IReadOnlyDictionary<string, string>? For(Message message, SendContext context);
}
