using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Admin;

[Authorize(Policy = Policies.Administrators)]
public sealed class AdminController(
    UserManager<AppUser> users,
    PracticeDirectory practice,
    ContactNormalizer normalizer,
    AuditLog audit,
    TimeProvider clock) : Controller
{
    [HttpGet]
    public IActionResult Index() => RedirectToAction(nameof(Users));

    [HttpGet]
    public async Task<IActionResult> Users(CancellationToken ct) => View(await BuildUsersAsync(new NewUserForm(), ct));

    [HttpPost]
    public async Task<IActionResult> CreateUser([Bind(Prefix = "NewUser")] NewUserForm form, CancellationToken ct)
    {
        if (!Roles.All.Contains(form.Role))
        {
            ModelState.AddModelError("NewUser.Role", "Choose a role from the list.");
        }
        if (ModelState.IsValid)
        {
            var user = new AppUser { UserName = form.UserName.Trim(), DisplayName = form.DisplayName.Trim(), CreatedUtc = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, form.Password);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, form.Role);
                await audit.RecordAsync(AuditActions.UserCreated, nameof(AppUser), user.Id, $"{user.UserName} as {form.Role}", ct);
                TempData["Notice"] = $"{user.UserName} can now sign in as {Roles.DisplayName(form.Role)}.";
                return RedirectToAction(nameof(Users));
            }
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password") ? "NewUser.Password" : "NewUser.UserName", error.Description);
            }
        }
        return View(nameof(Users), await BuildUsersAsync(form, ct));
    }

    [HttpPost]
    public async Task<IActionResult> SetRole(string id, string role, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !Roles.All.Contains(role))
        {
            TempData["Problem"] = "That user or role does not exist.";
            return RedirectToAction(nameof(Users));
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && role != Roles.Administrator &&
            (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1)
        {
            TempData["Problem"] = "The practice must keep at least one Administrator.";
            return RedirectToAction(nameof(Users));
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.UserRolesChanged, nameof(AppUser), user.Id, $"{string.Join("+", current)} -> {role}", ct);
        TempData["Notice"] = $"{user.UserName} is now {Roles.DisplayName(role)}.";
        return RedirectToAction(nameof(Users));
    }

    [HttpPost]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is not null)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordAsync(AuditActions.UserRolesChanged, nameof(AppUser), user.Id, "unlocked", ct);
            TempData["Notice"] = $"{user.UserName} is unlocked.";
        }
        return RedirectToAction(nameof(Users));
    }

    [HttpPost]
    public async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return RedirectToAction(nameof(Users));
        }
        if (disabled && user.Id == users.GetUserId(User))
        {
            TempData["Problem"] = "You can't disable your own account.";
            return RedirectToAction(nameof(Users));
        }
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        // A new security stamp ends the user's open sessions at their next request check.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.UserRolesChanged, nameof(AppUser), user.Id, disabled ? "disabled" : "enabled", ct);
        TempData["Notice"] = $"{user.UserName} is {(disabled ? "disabled" : "enabled")}.";
        return RedirectToAction(nameof(Users));
    }

    [HttpGet]
    public async Task<IActionResult> Practice(CancellationToken ct)
    {
        var profile = await practice.GetAsync(ct);
        return View(new PracticeForm
        {
            Name = profile.Name, Phone = normalizer.FormatForDisplay(profile.Phone), PostalAddress = profile.PostalAddress,
            TimeZoneId = profile.TimeZoneId, PerSegmentTextPricing = profile.PerSegmentTextPricing,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Practice(PracticeForm form, CancellationToken ct)
    {
        if (!PracticeDirectory.IsKnownTimeZone(form.TimeZoneId))
        {
            ModelState.AddModelError(nameof(form.TimeZoneId), "Choose a time zone from the list.");
        }
        var phone = normalizer.NormalizePhone(form.Phone);
        if (!phone.IsValid)
        {
            ModelState.AddModelError(nameof(form.Phone), phone.Error!);
        }
        if (!ModelState.IsValid)
        {
            form.PerSegmentTextPricing = (await practice.GetAsync(ct)).PerSegmentTextPricing;
            return View(form);
        }
        await practice.SaveAsync(form.Name, phone.Value!, form.PostalAddress, form.TimeZoneId, ct);
        TempData["Notice"] = "Practice details saved.";
        return RedirectToAction(nameof(Practice));
    }

    /// <summary>Per-message (the product's stated price, the default) or per-segment pricing of texts.</summary>
    [HttpPost]
    public async Task<IActionResult> TextPricing(bool perSegment, CancellationToken ct)
    {
        var changed = await practice.SetTextPricingAsync(perSegment, ct);
        TempData["Notice"] = !changed
            ? "Text pricing unchanged."
            : perSegment
                ? "Texts now cost 3 credits per SMS segment. Campaigns already created keep what they reserved."
                : "Texts now cost 3 credits each, whatever their length. Campaigns already created keep what they reserved.";
        return RedirectToAction(nameof(Practice));
    }

    private async Task<UsersModel> BuildUsersAsync(NewUserForm form, CancellationToken ct)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var rows = new List<UserRow>(all.Count);
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.UserName ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)],
                await users.IsLockedOutAsync(user), user.IsDisabled));
        }
        return new UsersModel(rows, form);
    }
}
