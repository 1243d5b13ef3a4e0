using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Twilio;

namespace PatientMessageExchange.Web.Features.Webhooks;

/// <summary>
/// Admits a Twilio webhook only with a valid X-Twilio-Signature, before model binding or any handler runs; otherwise
/// 403 and nothing is written (R1). No auth token or public URL configured: every request is refused (fail closed).
/// <para>
/// The URL checked is the one Twilio called: the scheme the request arrived with (after the forwarded-headers
/// middleware, which believes X-Forwarded-Proto only from Security:TrustedProxies: R2), the host and path of
/// Twilio:PublicBaseUrl (the Host header is the client's to choose), then the path and query string.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TwilioSignatureAttribute : Attribute, IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<TwilioOptions>>().Value;
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }
        }
        if (options.PublicBase() is not { } publicBase ||
            !TwilioSignature.IsValid(options.AuthToken, UrlFor(http.Request, publicBase), fields, signature))
        {
            http.RequestServices.GetRequiredService<ILogger<TwilioSignatureAttribute>>()
                .LogWarning("Twilio webhook {Path} refused: missing or invalid signature", http.Request.Path.Value);
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
    }

    public static string UrlFor(HttpRequest request, Uri publicBase) =>
        $"{request.Scheme}://{publicBase.Authority}{publicBase.AbsolutePath.TrimEnd('/')}{request.Path}{request.QueryString}";
}
