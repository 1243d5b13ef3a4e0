using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Account;

public sealed class AccountController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AuditLog audit,
    TimeProvider clock,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>A hash of a random password, made once with the app's own hasher, checked for unknown users.</summary>
    private static string? _decoyHash;

    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost, AllowAnonymous, EnableRateLimiting(Policies.SignInRateLimit)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var user = await users.FindByNameAsync(form.UserName.Trim());
        if (user is null || user.IsDisabled)
        {
            // Hash the password anyway, so an unknown name takes as long as a wrong password and gives nothing away.
            _decoyHash ??= users.PasswordHasher.HashPassword(new AppUser(),
                Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), _decoyHash, form.Password);
            ModelState.AddModelError("", "The user name or password is not right.");
            await audit.RecordAsync(AuditActions.UserSignInFailed, nameof(AppUser), user?.Id, "unknown or disabled user", ct);
            return View(form);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for locked-out user {UserId}", user.Id);
            await audit.RecordAsync(AuditActions.UserLockedOut, nameof(AppUser), user.Id, ct: ct);
            ModelState.AddModelError("", "This account is locked after too many wrong passwords. Try again in 5 minutes, or ask an administrator to unlock it.");
            return View(form);
        }
        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.UserSignInFailed, nameof(AppUser), user.Id, "wrong password", ct);
            ModelState.AddModelError("", "The user name or password is not right.");
            return View(form);
        }
        await signIn.SignInAsync(user, new AuthenticationProperties().Stamp(clock.GetUtcNow()));
        await audit.RecordAsync(AuditActions.UserSignedIn, nameof(AppUser), user.Id, ct: ct);
        return Url.IsLocalUrl(form.ReturnUrl) ? Redirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        // A new stamp ends this cookie on the server too: a copy of it is refused from its next request on.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditActions.UserSignedOut, nameof(AppUser), user.Id);
        }
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet, AllowAnonymous]
    public IActionResult AccessDenied() => View();
}
