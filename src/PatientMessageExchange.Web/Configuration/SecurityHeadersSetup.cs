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
        // An outbox email's own HTML, shown in a sandboxed frame of our page: nothing in it may run or load.
        var emailBody = BasePolicy(app, framedBySelf: true).AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddImgSrc().Data();
            csp.AddStyleSrc().UnsafeInline();
            csp.AddSandbox();
            csp.AddFrameAncestors().Self();
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/hangfire"), a => a.UseSecurityHeaders(dashboard));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/Outbox/EmailBody"), a => a.UseSecurityHeaders(emailBody));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/hangfire") && !c.Request.Path.StartsWithSegments("/Outbox/EmailBody"),
            a => a.UseSecurityHeaders(strict));
    }

    private static HeaderPolicyCollection BasePolicy(WebApplication app, bool framedBySelf = false)
    {
        var policy = new HeaderPolicyCollection();
        policy = framedBySelf ? policy.AddFrameOptionsSameOrigin() : policy.AddFrameOptionsDeny();
        policy = policy
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
