using Microsoft.AspNetCore.Authorization;
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
        // The exception handler middleware has already logged the failure; the user sees only a reference.
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", HttpContext.TraceIdentifier);
    }

    [AllowAnonymous, IgnoreAntiforgeryToken]
    [Route("/Home/Status/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return View("Status", code);
    }
}
