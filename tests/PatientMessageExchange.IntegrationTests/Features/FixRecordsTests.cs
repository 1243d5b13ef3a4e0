using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features;

public sealed class FixRecordsTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_bounced_email_appears_is_corrected_on_the_patient_page_and_disappears()
    {
        var id = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "old-address@example.com",
            ContactPointStatus.Bounced, "Mailbox does not exist (5.1.1)", _app.Clock.GetUtcNow()));
        var pointId = await PointIdAsync(id);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var before = await (await client.GetAsync("/FixRecords")).Content.ReadAsStringAsync();
        Assert.Contains("old-address@example.com", before);
        Assert.Contains("Mailbox does not exist (5.1.1)", before);
        Assert.Contains($"/Patients/Details/{id}?edit={pointId}", before);

        var corrected = await client.PostFormAsync($"/Patients/UpdateContact/{id}", new Dictionary<string, string>
        {
            ["EditContact.ContactPointId"] = pointId.ToString(),
            ["EditContact.Mode"] = "Email",
            ["EditContact.Value"] = "new-address@example.com",
            ["EditContact.Status"] = "Bounced",
        }, tokenFrom: $"/Patients/Details/{id}?edit={pointId}");
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var after = await (await client.GetAsync("/FixRecords")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("old-address@example.com", after);
        Assert.DoesNotContain("new-address@example.com", after);
    }

    [Fact]
    public async Task Marking_a_row_reviewed_clears_it_and_is_audited()
    {
        var id = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Text, "+16175550177",
            ContactPointStatus.OptedOut, "Replied STOP", _app.Clock.GetUtcNow()));
        var pointId = await PointIdAsync(id);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await client.PostFormAsync("/FixRecords/Review", new Dictionary<string, string>
        {
            ["contactPointId"] = pointId.ToString(),
        }, tokenFrom: "/FixRecords");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await client.GetAsync("/FixRecords")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Replied STOP", html);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PmxDbContext>().AuditEvents
            .AnyAsync(a => a.Action == AuditActions.ContactPointReviewed && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task The_reason_filter_narrows_the_list_and_the_export_follows_it()
    {
        await _app.AddAdultAsync(
            PatientSeed.Point(ContactMode.Email, "bounced@example.com", ContactPointStatus.Bounced, "5.1.1", _app.Clock.GetUtcNow()),
            PatientSeed.Point(ContactMode.Text, "+16175550178", ContactPointStatus.Invalid, "Landline", _app.Clock.GetUtcNow()));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await client.GetAsync("/FixRecords?Reason=Invalid")).Content.ReadAsStringAsync();
        var export = await client.GetAsync("/FixRecords/Export?Reason=Bounced");

        Assert.Contains("Landline", html);
        Assert.DoesNotContain("bounced@example.com", html);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains("bounced@example.com", csv);
        Assert.DoesNotContain("Landline", csv);
    }

    [Fact]
    [Trait("Check", "R28")]
    public async Task R28_the_export_neutralizes_a_value_a_spreadsheet_would_run()
    {
        await _app.AddAdultAsync(
            PatientSeed.Point(ContactMode.Text, "=HYPERLINK(\"http://evil.example\";\"x\")", ContactPointStatus.Invalid, "Not a number", _app.Clock.GetUtcNow()));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var csv = await (await client.GetAsync("/FixRecords/Export?Reason=Invalid")).Content.ReadAsStringAsync();

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task Patients_with_no_usable_method_for_a_need_are_listed_with_the_reason()
    {
        var id = await _app.AddAdultAsync(PatientSeed.Point(ContactMode.Text, "+16175550179"));
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await client.GetAsync("/FixRecords/Unreachable?need=Billing")).Content.ReadAsStringAsync();

        Assert.Contains($"/Patients/Details/{id}", html);
        Assert.Contains("No contact on file for the preferred methods", html);
        Assert.DoesNotContain(">NoContactOnFile<", html);
    }

    private async Task<int> PointIdAsync(int patientId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PmxDbContext>().ContactPoints
            .Where(c => c.PatientId == patientId).Select(c => c.Id).SingleAsync();
    }
}
