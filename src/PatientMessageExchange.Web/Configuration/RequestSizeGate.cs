using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>
/// Answers 413 to a request whose declared body is larger than its endpoint accepts, before anything reads it. Left to
/// the server, the limit surfaces inside antiforgery's form read and comes back as a misleading 400 (or, when the status
/// page binds its code from the same form, as status 0). The status page then explains the 413.
/// </summary>
public sealed class RequestSizeGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is { } length &&
            context.Features.Get<IStatusCodeReExecuteFeature>() is null &&
            length > Limit(context))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static long Limit(HttpContext context)
    {
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if (endpoint is not null)
        {
            return endpoint.MaxRequestBodySize ?? long.MaxValue;
        }
        return context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? SecuritySetup.MaxRequestBodyBytes;
    }
}
