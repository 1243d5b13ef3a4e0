using System.Security.Claims;
using PatientMessageExchange.Core.Audit;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>The signed-in user of the current request, for audit records.</summary>
public sealed class HttpActorContext(IHttpContextAccessor accessor) : IActorContext
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name ?? "unknown"
        : "anonymous";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
