using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Configuration;

public static class SecuritySetup
{
    /// <summary>
    /// The largest request body any page takes (4 MB); a larger one gets 413 and a readable page. The patient import
    /// allows more with its own <c>RequestSizeLimit</c>.
    /// </summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // No "Server: Kestrel": the response says nothing about what runs it.
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        services.AddOptions<SessionPolicyOptions>().BindConfiguration(SessionPolicyOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                // R25: five wrong passwords are allowed; the sixth locks the account.
                options.Lockout.MaxFailedAccessAttempts = 6;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PmxDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "pmx.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            var identityValidator = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (!await EnforceSessionLimitsAsync(context) || !await EnforceSecurityStampAsync(context))
                {
                    return;
                }
                if (SecurityStampCheckIsDue(context))
                {
                    await identityValidator(context);
                }
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionPolicyOptions>, TimeProvider>((cookie, session, clock) =>
            {
                cookie.ExpireTimeSpan = session.Value.IdleTimeout;
                cookie.TimeProvider = clock;
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Managers, p => p.RequireRole(Policies.ManagerRoles))
            .AddPolicy(Policies.Administrators, p => p.RequireRole(Roles.Administrator));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policies.SignInRateLimit, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<SessionPolicyOptions>>().Value.SignInAttemptsPerMinute;
                var key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pmx.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only proxies named in configuration are believed; everyone else's forwarded headers are ignored.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in builder.Configuration.GetSection("Security:TrustedProxies").Get<string[]>() ?? [])
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
            }
            if (options.KnownProxies.Count == 0)
            {
                // With empty lists the middleware believes every sender, so with no proxy configured it must not run.
                options.ForwardedHeaders = ForwardedHeaders.None;
            }
        });

        // Keys live in the data folder so that sign-ins survive a restart and web and worker share them.
        services.AddDataProtection().SetApplicationName("PatientMessageExchange");
        services.AddOptions<KeyManagementOptions>().Configure<DataFolder, ILoggerFactory>((keys, folder, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder.Subfolder("keys")), loggers));

        services.AddHttpContextAccessor();
        services.AddScoped<IActorContext, HttpActorContext>();
    }

    /// <summary>
    /// Identity's validator compares the security stamp with the database only once the cookie is older than
    /// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>; on every other request it does nothing, but
    /// resolving it builds SignInManager, UserManager, RoleManager and their stores and validators. This is the same
    /// test, with the same clock, made before resolving it, so that graph is built only when the check is due.
    /// </summary>
    private static bool SecurityStampCheckIsDue(CookieValidatePrincipalContext context)
    {
        var issuedUtc = context.Properties.IssuedUtc;
        if (issuedUtc is null)
        {
            return true;
        }
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return now.Subtract(issuedUtc.Value) > options.ValidationInterval;
    }

    /// <summary>
    /// Signing out, disabling a user or changing their role changes the security stamp; a cookie whose stamp is no
    /// longer the user's is refused on its next request, not only at the next full check. One primary-key query.
    /// </summary>
    private static async Task<bool> EnforceSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (userId is not null && stamp is not null &&
            string.Equals(await SecurityStamps.ReadAsync(services.GetRequiredService<PmxDbContext>(), userId), stamp, StringComparison.Ordinal))
        {
            return true;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }

    private static async Task<bool> EnforceSessionLimitsAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var session = services.GetRequiredService<IOptions<SessionPolicyOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var started = SessionStart.Read(context.Properties);
        if (started is null || now - started.Value > session.AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return false;
        }
        return true;
    }
}
