using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Features.Webhooks;

/// <summary>
/// Twilio's calls into the app: delivery statuses, inbound texts, and a call's TwiML and keypress. Exempt from sign-in
/// and antiforgery because Twilio can do neither; <see cref="TwilioSignatureAttribute"/> admits them instead.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[TwilioSignature]
[Route("webhooks/twilio")]
public sealed class TwilioWebhookController(IOptions<TwilioOptions> options) : Controller
{
    private const string Xml = "application/xml";

    [HttpPost("status")]
    public async Task<IActionResult> Status([FromServices] ProviderStatusRecorder statuses, CancellationToken ct)
    {
        var sid = Field("MessageSid") ?? Field("CallSid");
        var status = Field("MessageStatus") ?? Field("CallStatus");
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status))
        {
            return BadRequest();
        }
        var code = int.TryParse(Field("ErrorCode"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        await statuses.RecordAsync(sid, status, code, ct);
        return NoContent();
    }

    [HttpPost("sms")]
    public async Task<IActionResult> Sms([FromServices] InboundReplyHandler replies, CancellationToken ct)
    {
        var sid = Field("MessageSid");
        var from = Field("From");
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(from))
        {
            return BadRequest();
        }
        var outcome = await replies.HandleSmsAsync(new InboundSms(sid, from, Field("To") ?? "", Field("Body") ?? ""), ct);
        return Content(Twiml.Message(outcome.Answer), Xml);
    }

    [HttpGet("voice/{messageId:long}")]
    [HttpPost("voice/{messageId:long}")]
    public async Task<IActionResult> Voice(long messageId, [FromServices] CallReplyHandler calls, CancellationToken ct)
    {
        var script = await calls.GetScriptAsync(messageId, ct);
        if (script is null)
        {
            return NotFound();
        }
        var answeredBy = Field("AnsweredBy") ?? "";
        if (answeredBy.StartsWith("machine", StringComparison.OrdinalIgnoreCase) || answeredBy == "fax")
        {
            await calls.HandleMachineAsync(messageId, Field("CallSid") ?? $"call-{messageId}", ct);
            return Content(Twiml.Voicemail(script.Script, script.Language), Xml);
        }
        var gather = new Uri($"{options.Value.PublicBaseUrl!.TrimEnd('/')}/webhooks/twilio/voice/{messageId}/gather");
        return Content(Twiml.Call(script.Script, script.Language, script.AsksToConfirm, gather), Xml);
    }

    [HttpPost("voice/{messageId:long}/gather")]
    public async Task<IActionResult> Gather(long messageId, [FromServices] CallReplyHandler calls, CancellationToken ct)
    {
        var callSid = Field("CallSid");
        if (string.IsNullOrEmpty(callSid))
        {
            return BadRequest();
        }
        var outcome = await calls.HandleGatherAsync(messageId, callSid, Field("Digits"), ct);
        if (outcome is null)
        {
            return NotFound();
        }
        var script = await calls.GetScriptAsync(messageId, ct);
        return Content(Twiml.Answer(script?.Language, outcome), Xml);
    }

    private string? Field(string name)
    {
        var value = Request.HasFormContentType ? Request.Form[name].FirstOrDefault() : null;
        return string.IsNullOrEmpty(value) ? Request.Query[name].FirstOrDefault() : value;
    }
}
