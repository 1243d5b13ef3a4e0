using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// RFC 8058 for broadcast emails (R12, R13): a one-click <c>List-Unsubscribe</c> URL with an opaque per-recipient token,
/// <c>List-Unsubscribe-Post</c>, and a footer with the practice's postal address and the same link. Personalized and
/// confirmation messages are left alone.
/// </summary>
public sealed class BroadcastCompliance(UnsubscribeTokens tokens, PublicLinks links) : IEmailHeaders
{
    public const string UnsubscribePath = "/u/";

    public IReadOnlyDictionary<string, string>? For(Message message, SendContext context) =>
        context.Campaign.Kind != CampaignKind.Broadcast
            ? null
            : new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{UnsubscribeUrl(message)}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            };

    public string BodyFor(Message message, SendContext context) =>
        context.Campaign.Kind != CampaignKind.Broadcast
            ? message.Body
            : BroadcastFooter.Append(message.Body,
                BroadcastFooter.Html(context.PracticeName, context.PracticeAddress, UnsubscribeUrl(message)));

    public string UnsubscribeUrl(Message message) =>
        links.BaseUrl + UnsubscribePath + tokens.Create(message.Id, message.Address);
}
