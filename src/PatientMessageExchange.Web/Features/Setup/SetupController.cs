using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Setup;

/// <summary>First run: create the practice and its first Administrator. There is no default account or password.</summary>
[AllowAnonymous]
public sealed class SetupController(
    SetupState state,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    PracticeDirectory practice,
    ContactNormalizer normalizer,
    DemoDataSeeder demo,
    AuditLog audit,
    TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        if (await state.IsCompleteAsync(HttpContext.RequestServices))
        {
            return RedirectToAction("Login", "Account");
        }
        return View(new SetupForm());
    }

    [HttpPost]
    public async Task<IActionResult> Index(SetupForm form, CancellationToken ct)
    {
        await state.Lock.WaitAsync(ct);
        try
        {
            return await CreateFirstAdministratorAsync(form, ct);
        }
        finally
        {
            state.Lock.Release();
        }
    }

    private async Task<IActionResult> CreateFirstAdministratorAsync(SetupForm form, CancellationToken ct)
    {
        if (await state.IsCompleteAsync(HttpContext.RequestServices))
        {
            return RedirectToAction("Login", "Account");
        }
        if (!PracticeDirectory.IsKnownTimeZone(form.TimeZoneId))
        {
            ModelState.AddModelError(nameof(form.TimeZoneId), "Choose a time zone from the list.");
        }
        var phone = normalizer.NormalizePhone(form.PracticePhone);
        if (!phone.IsValid)
        {
            ModelState.AddModelError(nameof(form.PracticePhone), phone.Error!);
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = new AppUser { UserName = form.UserName.Trim(), DisplayName = form.DisplayName.Trim(), CreatedUtc = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password") ? nameof(form.Password) : nameof(form.UserName), error.Description);
            }
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        state.MarkComplete();
        await practice.SaveAsync(form.PracticeName, phone.Value!, form.PracticeAddress, form.TimeZoneId, ct);
        if (form.SeedDemoData)
        {
            await demo.SeedAsync(ct: ct);
        }
        await signIn.SignInAsync(user, new Microsoft.AspNetCore.Authentication.AuthenticationProperties().Stamp(clock.GetUtcNow()));
        await audit.RecordAsync(AuditActions.SetupCompleted, nameof(AppUser), user.Id, $"first administrator {user.UserName}", ct);
        return RedirectToAction("Index", "Home");
    }
}
