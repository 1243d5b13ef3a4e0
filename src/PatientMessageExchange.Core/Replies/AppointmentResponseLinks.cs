using System.Net;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// Adds to every confirmation email about an appointment a link to a one-page response (confirm or cancel) that needs no
/// sign-in: its signed token names the message and is bound to the address it went to. Opening the link changes
/// nothing; only the page's buttons do.
/// </summary>
public sealed class AppointmentResponseLinks(AppointmentResponseTokens tokens, PublicLinks links)
{
    public const string Path = "/r/";

    public bool Applies(Message message, SendContext context) =>
        context.Campaign.Kind == CampaignKind.Confirmation && message.AppointmentId is not null;

    public string Url(Message message) => links.BaseUrl + Path + tokens.Create(message.Id, message.Address);

    public string BodyFor(Message message, SendContext context, string body)
    {
        if (!Applies(message, context))
        {
            return body;
        }
        var spanish = string.Equals(message.Language, "es", StringComparison.OrdinalIgnoreCase);
        var text = spanish ? "Confirmar o cancelar la cita" : "Confirm or cancel this appointment";
        return BroadcastFooter.Append(body,
            $"<p style=\"margin-top:16px\"><a href=\"{WebUtility.HtmlEncode(Url(message))}\">{text}</a></p>");
    }
}
