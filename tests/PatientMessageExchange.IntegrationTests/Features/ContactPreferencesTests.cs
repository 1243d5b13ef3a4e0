using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features;

public sealed class ContactPreferencesTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Front_desk_sees_the_defaults_without_anything_to_change()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync("/ContactPreferences");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Appointment reminder", html);
        Assert.Contains("Text, then Email", html);
        Assert.DoesNotContain("/ContactPreferences/Save", html);
    }

    [Fact]
    public async Task Front_desk_is_refused_when_posting_a_default_and_nothing_changes()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/ContactPreferences/Save", new Dictionary<string, string>
        {
            ["Need"] = "Billing", ["Text"] = "1",
        }, tokenFrom: "/ContactPreferences");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString);
        Assert.Equal([ContactMode.Email], await DefaultForAsync(Need.Billing));
        Assert.False(await AnyAuditAsync(AuditActions.DefaultPreferenceChanged));
    }

    [Fact]
    public async Task Office_manager_changes_a_default_and_the_audit_records_who_before_and_after()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var response = await client.PostFormAsync("/ContactPreferences/Save", new Dictionary<string, string>
        {
            ["Need"] = "Billing", ["Email"] = "1", ["Text"] = "2",
        }, tokenFrom: "/ContactPreferences");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([ContactMode.Email, ContactMode.Text], await DefaultForAsync(Need.Billing));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.DefaultPreferenceChanged);
        Assert.Equal("Billing: Email -> Email,Text", audit.Detail);
        Assert.StartsWith("officemanager-", audit.UserName);
        Assert.Equal(_app.Clock.GetUtcNow(), audit.OccurredUtc, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Two_modes_in_one_position_are_refused_beside_the_row_and_nothing_changes()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var response = await client.PostFormAsync("/ContactPreferences/Save", new Dictionary<string, string>
        {
            ["Need"] = "AppointmentReminder", ["Email"] = "1", ["Phone"] = "1",
        }, tokenFrom: "/ContactPreferences");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Email and Phone are both number 1", html);
        Assert.Equal([ContactMode.Text, ContactMode.Email], await DefaultForAsync(Need.AppointmentReminder));
    }

    [Fact]
    public async Task The_screen_counts_patients_who_fall_back_to_each_default()
    {
        var first = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "one@example.com"));
        await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "two@example.com"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            db.ContactPreferences.Add(new ContactPreference
            {
                PatientId = first, Need = Need.Billing, Modes = [ContactMode.Email], RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        }
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await client.GetAsync("/ContactPreferences")).Content.ReadAsStringAsync();

        var billingRow = html[html.IndexOf("id=\"need-Billing\"", StringComparison.Ordinal)..];
        billingRow = billingRow[..billingRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"text-end\">1</td>", billingRow);
    }

    private async Task<List<ContactMode>> DefaultForAsync(Need need)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        return (await db.DefaultContactPreferences.AsNoTracking().SingleAsync(d => d.Need == need)).Modes;
    }

    private async Task<bool> AnyAuditAsync(string action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PmxDbContext>().AuditEvents.AnyAsync(a => a.Action == action);
    }
}
