using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PatientMessageExchange.Web.Features.Home;

public sealed class HomeController : Controller
{
    /// <summary>The front desk starts its day on the schedule.</summary>
    [HttpGet]
    public IActionResult Index() => RedirectToAction("Index", "Schedule");

    [AllowAnonymous, IgnoreAntiforgeryToken]
    [Route("/Home/Error")]
    public IActionResult Error()
    {
        // A request the server refused as it was read (too large, malformed) is the client's: answer with its own code.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused)
        {
            return Status(refused.StatusCode);
        }
        // The exception handler middleware has already logged the failure; the user sees only a reference.
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", HttpContext.TraceIdentifier);
    }

    [AllowAnonymous, IgnoreAntiforgeryToken]
    [Route("/Home/Status/{code:int}")]
    public IActionResult Status([FromRoute] int code)
    {
        // When this page stands in for another's error, that error's code is the one to answer with: binding the route
        // value can fail on the same oversized form that caused it, leaving 0. Only error codes are answered as such;
        // anything else (/Home/Status/0, /Home/Status/99999) is a page that does not exist.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? code;
        var status = original is >= 400 and <= 599 ? original : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        return View("Status", status);
    }
}
