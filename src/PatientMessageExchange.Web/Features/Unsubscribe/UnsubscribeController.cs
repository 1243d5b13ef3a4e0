using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.Web.Features.Unsubscribe;

/// <summary>
/// RFC 8058 one-click unsubscribe for broadcast emails. A mail client POSTs <c>List-Unsubscribe=One-Click</c> to the URL
/// from the header with no cookie and no antiforgery token, so the token in the URL is the only credential (R12, R27):
/// it is an HMAC bound to the address its email went to. A GET (a link scanner, a person clicking) only shows a page
/// whose button makes that same POST. A bad token answers 404 and writes nothing.
/// </summary>
[AllowAnonymous]
public sealed class UnsubscribeController(Unsubscriber unsubscriber) : Controller
{
    private const string OneClickField = "List-Unsubscribe";
    private const string OneClickValue = "One-Click";

    [HttpGet("/u/{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct) =>
        await unsubscriber.IsValidAsync(token, ct) ? View(model: token) : NotFound();

    [HttpPost("/u/{token}")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> OneClick(string token, CancellationToken ct)
    {
        if (!Request.HasFormContentType)
        {
            return BadRequest();
        }
        var form = await Request.ReadFormAsync(ct);
        if (!string.Equals(form[OneClickField].ToString(), OneClickValue, StringComparison.Ordinal))
        {
            return BadRequest();
        }
        var outcome = await unsubscriber.UnsubscribeAsync(token, ct);
        return outcome == UnsubscribeOutcome.InvalidToken ? NotFound() : View("Done");
    }
}
