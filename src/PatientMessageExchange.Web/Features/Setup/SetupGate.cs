namespace PatientMessageExchange.Web.Features.Setup;

/// <summary>Until the first Administrator is created, every page leads to the setup form.</summary>
public sealed class SetupGate(RequestDelegate next, SetupState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/Setup") || path.StartsWithSegments("/health") ||
                     path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") ||
                     path.StartsWithSegments("/js") || path.StartsWithSegments("/Home/Error") ||
                     path.StartsWithSegments("/Home/Status");
        if (!exempt && !await state.IsCompleteAsync(context.RequestServices))
        {
            context.Response.Redirect("/Setup");
            return;
        }
        await next(context);
    }
}
