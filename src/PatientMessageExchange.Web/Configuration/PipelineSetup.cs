using PatientMessageExchange.Web.Features.Setup;

namespace PatientMessageExchange.Web.Configuration;

public static class PipelineSetup
{
    public static void UseRequestPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Users never see a stack trace, in any environment: failures are logged and a plain page is shown.
        app.UseExceptionHandler("/Home/Error");
        app.UseStatusCodePagesWithReExecute("/Home/Status/{0}");
        app.UseSecurityHeaderPolicies();
        app.UseStaticFiles();
        app.UseRequestLogging();
        app.UseRouting();
        app.UseMiddleware<RequestSizeGate>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<SetupGate>();
        app.UseAuthorization();
    }
}
