namespace PatientMessageExchange.Web.Configuration;

public static class SecurityHeadersSetup
{
    public static void UseSecurityHeaderPolicies(this WebApplication app)
    {
        var strict = BasePolicy(app).AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
        // Hangfire's dashboard (administrators only) ships inline scripts and styles of its own.
        var dashboard = BasePolicy(app).AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self().UnsafeInline();
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddObjectSrc().None();
            csp.AddFrameAncestors().None();
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/hangfire"), a => a.UseSecurityHeaders(dashboard));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/hangfire"), a => a.UseSecurityHeaders(strict));
    }

    private static HeaderPolicyCollection BasePolicy(WebApplication app)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .RemoveServerHeader();
        if (!app.Environment.IsDevelopment())
        {
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 60 * 60 * 24 * 365);
        }
        return policy;
    }
}
