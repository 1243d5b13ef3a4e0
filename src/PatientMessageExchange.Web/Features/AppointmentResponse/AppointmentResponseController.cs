using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Features.AppointmentResponse;

/// <summary>
/// The confirm/cancel page a confirmation email links to. No sign-in: the signed token in the URL is the credential. A
/// GET (a person, or a mail scanner following links) only shows the page; its buttons POST, with the antiforgery token
/// every form carries. It shows the child's first name and the time, nothing more. A bad token answers 404.
/// </summary>
[AllowAnonymous]
public sealed class AppointmentResponseController(EmailResponder responder) : Controller
{
    [HttpGet("/r/{token}")]
    public async Task<IActionResult> Respond(string token, CancellationToken ct)
    {
        var view = await responder.ViewAsync(token, ct);
        return view is null ? NotFound() : View(new AppointmentResponseModel(token, view, null));
    }

    [HttpPost("/r/{token}")]
    public async Task<IActionResult> Answer(string token, string answer, CancellationToken ct)
    {
        if (answer is not ("confirm" or "cancel"))
        {
            return BadRequest();
        }
        var outcome = await responder.AnswerAsync(token, answer == "confirm", ct);
        if (outcome == EmailResponseOutcome.InvalidLink)
        {
            return NotFound();
        }
        var view = await responder.ViewAsync(token, ct);
        return View(nameof(Respond), new AppointmentResponseModel(token, view!, outcome));
    }
}
