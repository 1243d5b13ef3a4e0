using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// What is added to each email at send time: a broadcast's unsubscribe headers and footer, a confirmation's
/// confirm/cancel link. Each applies to its own kind of campaign only.
/// </summary>
public sealed class EmailAdditions(BroadcastCompliance broadcasts, AppointmentResponseLinks responses) : IEmailHeaders
{
    public IReadOnlyDictionary<string, string>? For(Campaigns.Message message, SendContext context) => broadcasts.For(message, context);

    public string BodyFor(Campaigns.Message message, SendContext context) =>
        responses.BodyFor(message, context, broadcasts.BodyFor(message, context));
}
