using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Channels.Outbox;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Outbox;

/// <summary>
/// The embedded default's stand-in for the outside world: what would have been sent, as it would have looked.
/// Only present while the outbox is the configured provider.
/// </summary>
public sealed class OutboxController(IOptions<OutboxOptions> outbox, AuditLog audit, BounceRecorder bounces) : Controller
{
    private const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        if (!HttpContext.RequestServices.UsesOutbox())
        {
            return HttpContext.RequestServices.UsesSmsOutbox() ? RedirectToAction(nameof(Texts))
                : HttpContext.RequestServices.UsesVoiceOutbox() ? RedirectToAction(nameof(Calls))
                : NotFound();
        }
        var files = OutboxEmailTransport.List(outbox.Value.Folder).ToList();
        page = Math.Clamp(page, 1, Math.Max(1, (files.Count + PageSize - 1) / PageSize));
        var items = new List<OutboxEmail>();
        foreach (var file in files.Skip((page - 1) * PageSize).Take(PageSize))
        {
            var headers = await HeaderList.LoadAsync(file.FullName, ct);
            items.Add(new OutboxEmail(long.Parse(Path.GetFileNameWithoutExtension(file.Name)),
                new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), headers[HeaderId.To] ?? "", headers[HeaderId.Subject] ?? ""));
        }
        return View(new OutboxIndexModel(items, page, Math.Max(1, (files.Count + PageSize - 1) / PageSize), files.Count));
    }

    [HttpGet]
    public async Task<IActionResult> Email(long id, CancellationToken ct)
    {
        var message = await LoadEmailAsync(id, ct);
        if (message is null)
        {
            return NotFound();
        }
        await audit.RecordAsync(AuditActions.OutboxEmailViewed, "Message", id.ToString(), ct: ct);
        return View(new OutboxEmailModel(id, message, await bounces.CanSimulateAsync(id, ct)));
    }

    /// <summary>
    /// The embedded default has no bounce mailbox: this records a hard bounce for a sent broadcast email, as a real
    /// non-delivery report would, so the broadcast page and the fix-records worklist can be tried out.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> SimulateBounce(long id, CancellationToken ct)
    {
        if (!HttpContext.RequestServices.UsesOutbox())
        {
            return NotFound();
        }
        if (!await bounces.CanSimulateAsync(id, ct))
        {
            TempData["Problem"] = "Only a sent broadcast email can be bounced here.";
            return RedirectToAction(nameof(Email), new { id });
        }
        var result = await bounces.RecordHardBounceAsync(id, "550 5.1.1 The email account does not exist (simulated in the outbox)", ct);
        TempData[result.Succeeded ? "Notice" : "Problem"] = result.Succeeded
            ? "A hard bounce was recorded: the address is suppressed and its chart entries are marked bounced."
            : result.Error;
        return RedirectToAction(nameof(Email), new { id });
    }

    /// <summary>
    /// The HTML part on its own, for the sandboxed frame on the Email page: no script runs and it can't reach the app.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> EmailBody(long id, CancellationToken ct)
    {
        var message = await LoadEmailAsync(id, ct);
        if (message is null)
        {
            return NotFound();
        }
        return Content(message.HtmlBody ?? $"<pre>{System.Net.WebUtility.HtmlEncode(message.TextBody)}</pre>", "text/html; charset=utf-8");
    }

    [HttpGet]
    public async Task<IActionResult> Texts([FromServices] OutboxConversations conversations, CancellationToken ct)
    {
        if (!HttpContext.RequestServices.UsesSmsOutbox())
        {
            return NotFound();
        }
        return View(new OutboxTextsModel(await conversations.GetTextsAsync(ct)));
    }

    /// <summary>A patient's reply, simulated: handled exactly like an inbound text from Twilio.</summary>
    [HttpPost]
    public async Task<IActionResult> SimulateReply(SimulateReplyForm form, [FromServices] OutboxConversations conversations, CancellationToken ct)
    {
        if (!HttpContext.RequestServices.UsesSmsOutbox())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            var error = ModelState[nameof(SimulateReplyForm.Body)]?.Errors.FirstOrDefault()?.ErrorMessage ?? "Choose a number the outbox texted.";
            return View(nameof(Texts), new OutboxTextsModel(await conversations.GetTextsAsync(ct), form, error));
        }
        var outcome = await conversations.SimulateReplyAsync(form.Number, form.Body!, ct);
        if (outcome is null)
        {
            TempData["Problem"] = "The outbox has not texted that number, so there is nobody to reply as.";
            return RedirectToAction(nameof(Texts));
        }
        TempData["Notice"] = outcome.Kind switch
        {
            InboundKind.Stop => "Reply recorded as STOP: the number is opted out and gets no more texts.",
            InboundKind.Start => "Reply recorded as START: the number is subscribed again.",
            InboundKind.Help => $"Reply recorded as HELP. The patient is answered: {outcome.Answer}",
            InboundKind.Confirmation when outcome.Confirmed => "Reply recorded as a confirmation: the appointment is now confirmed.",
            InboundKind.Confirmation => "Reply recorded as a confirmation; the appointment was already confirmed or closed.",
            InboundKind.Cancellation when outcome.Cancelled => "Reply recorded as a cancellation: the appointment is cancelled and on the Cancellations worklist.",
            InboundKind.Cancellation => "Reply recorded as a cancellation; the appointment was already cancelled, closed or passed.",
            InboundKind.CallbackRequest => "Reply recorded as a call-back request: it is on the follow-up list.",
            _ => "Reply recorded: it is on the follow-up list for a person to read.",
        };
        return RedirectToAction(nameof(Texts), null, null, OutboxTextsModel.Anchor(form.Number));
    }

    [HttpGet]
    public async Task<IActionResult> Calls([FromServices] OutboxConversations conversations, CancellationToken ct)
    {
        if (!HttpContext.RequestServices.UsesVoiceOutbox())
        {
            return NotFound();
        }
        return View(new OutboxCallsModel(await conversations.GetCallsAsync(ct)));
    }

    /// <summary>What the person on the call did, simulated: handled exactly like Twilio's gather or machine detection.</summary>
    [HttpPost]
    public async Task<IActionResult> SimulateKeypress(long id, SimulatedKeypress keypress, [FromServices] OutboxConversations conversations,
        CancellationToken ct)
    {
        if (!HttpContext.RequestServices.UsesVoiceOutbox())
        {
            return NotFound();
        }
        if (!Enum.IsDefined(keypress))
        {
            TempData["Problem"] = "Choose what the person on the call does.";
            return RedirectToAction(nameof(Calls));
        }
        var outcome = await conversations.SimulateKeypressAsync(id, keypress, ct);
        TempData[outcome is null ? "Problem" : "Notice"] = outcome switch
        {
            null => "There is no such call in the outbox.",
            { Duplicate: true } => "This call's answer was already recorded; nothing changed.",
            { Passed: true } => "The appointment has already started, so the keypress changed nothing.",
            { Confirmed: true } => "Pressed 1: the appointment is now confirmed.",
            { Kind: InboundKind.Confirmation } => "Pressed 1; the appointment was already confirmed or closed.",
            { Cancelled: true } => "Pressed 2: the appointment is cancelled and on the Cancellations worklist.",
            { Kind: InboundKind.Cancellation } => "Pressed 2; the appointment was already cancelled or closed.",
            { Kind: InboundKind.CallbackRequest } => "Pressed 3: the call-back request is on the follow-up list.",
            { Kind: InboundKind.NoResponse } => "No input: recorded as no response, on the follow-up list.",
            { Kind: InboundKind.MachineAnswered } => "An answering machine took the call: the message was left as a voicemail.",
            _ => "Recorded.",
        };
        return RedirectToAction(nameof(Calls), null, null, $"call-{id}");
    }

    /// <summary>An email the outbox kept, or null when the outbox is not in use or has no such message.</summary>
    private async Task<MimeMessage?> LoadEmailAsync(long id, CancellationToken ct)
    {
        if (!HttpContext.RequestServices.UsesOutbox())
        {
            return null;
        }
        var file = OutboxEmailTransport.List(outbox.Value.Folder).FirstOrDefault(f => f.Name == $"{id}.eml");
        return file is null ? null : await MimeMessage.LoadAsync(file.FullName, ct);
    }
}
