using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features;

public sealed class PatientPreferencesTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_patient_page_shows_which_point_a_reminder_would_use_and_why()
    {
        var id = await _app.AddAdultAsync(
            PatientSeed.Point(ContactMode.Text, "+16175550123", ContactPointStatus.Invalid, "Not in service"),
            PatientSeed.Point(ContactMode.Email, "family@example.com"));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await client.GetAsync($"/Patients/Details/{id}")).Content.ReadAsStringAsync();

        var row = RowFor(html, Need.AppointmentReminder);
        Assert.Contains("family@example.com", row);
        Assert.Contains("Practice default", row);
        Assert.Contains("not a valid address or number", row);
    }

    [Fact]
    public async Task Front_desk_records_a_familys_order_for_a_need_and_it_is_used_and_audited()
    {
        var id = await _app.AddAdultAsync(
            PatientSeed.Point(ContactMode.Text, "+16175550123"),
            PatientSeed.Point(ContactMode.Email, "family@example.com"));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/SavePreference/{id}", new Dictionary<string, string>
        {
            ["Preference.Need"] = "AppointmentReminder", ["Preference.UseDefault"] = "false", ["Preference.Email"] = "1",
        }, tokenFrom: $"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            var saved = await db.ContactPreferences.SingleAsync(c => c.PatientId == id);
            Assert.Equal([ContactMode.Email], saved.Modes);
            Assert.Equal(_app.Clock.GetUtcNow(), saved.ExpressedUtc, TimeSpan.FromMilliseconds(1));
            Assert.StartsWith("frontdesk-", saved.RecordedBy);
            Assert.Equal("AppointmentReminder: practice default -> Email",
                (await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.PatientPreferenceChanged)).Detail);
        }
        var row = RowFor(await (await client.GetAsync($"/Patients/Details/{id}")).Content.ReadAsStringAsync(), Need.AppointmentReminder);
        Assert.Contains("Family&#x27;s order", row);
        Assert.Contains("family@example.com", row);
    }

    [Fact]
    public async Task A_clashing_order_is_refused_beside_the_need_and_keeps_what_was_typed()
    {
        var id = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "family@example.com"));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/SavePreference/{id}", new Dictionary<string, string>
        {
            ["Preference.Need"] = "Billing", ["Preference.UseDefault"] = "false", ["Preference.Email"] = "2", ["Preference.Text"] = "2",
        }, tokenFrom: $"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = RowFor(await response.Content.ReadAsStringAsync(), Need.Billing);
        Assert.Contains("are both number 2", row);
        Assert.Contains("<option value=\"false\" selected=\"selected\">", row);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PmxDbContext>().ContactPreferences.AnyAsync());
    }

    [Fact]
    public async Task Do_not_contact_by_text_moves_a_reminder_to_email()
    {
        var id = await _app.AddAdultAsync(
            PatientSeed.Point(ContactMode.Text, "+16175550123"),
            PatientSeed.Point(ContactMode.Email, "family@example.com"));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync($"/Patients/SaveDoNotContact/{id}", new Dictionary<string, string>
        {
            ["doNotContact"] = "Text",
        }, tokenFrom: $"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = RowFor(await (await client.GetAsync($"/Patients/Details/{id}")).Content.ReadAsStringAsync(), Need.AppointmentReminder);
        Assert.Contains("family@example.com", row);
        Assert.Contains("Text: do not contact", row);
    }

    private static string RowFor(string html, Need need)
    {
        var start = html.IndexOf($"id=\"need-{need}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {need}.");
        var row = html[start..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }
}
