using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Channels.Outbox;
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
            return NotFound();
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
        if (!HttpContext.RequestServices.UsesOutbox())
        {
            return NotFound();
        }
        var file = OutboxEmailTransport.List(outbox.Value.Folder).FirstOrDefault(f => f.Name == $"{id}.eml");
        if (file is null)
        {
            return NotFound();
        }
        var message = await MimeMessage.LoadAsync(file.FullName, ct);
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
        if (!HttpContext.RequestServices.UsesOutbox())
        {
            return NotFound();
        }
        var file = OutboxEmailTransport.List(outbox.Value.Folder).FirstOrDefault(f => f.Name == $"{id}.eml");
        if (file is null)
        {
            return NotFound();
        }
        var message = await MimeMessage.LoadAsync(file.FullName, ct);
        return Content(message.HtmlBody ?? $"<pre>{System.Net.WebUtility.HtmlEncode(message.TextBody)}</pre>", "text/html; charset=utf-8");
    }
}
