using System.Net;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Security;

/// <summary>Dates at the edges of the calendar are answered with a clear message, never a 500 or a cut-off export.</summary>
public sealed class DateEdgeTests : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_schedule_for_the_last_day_of_year_9999_returns_to_today_with_a_message()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync("/Schedule/Index?date=9999-12-31");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Choose dates between 1900 and 2199.", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_audit_range_across_the_whole_calendar_is_a_form_error_and_its_export_is_refused_before_it_starts()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);

        var page = await client.GetAsync("/Audit?From=0001-01-01&To=9999-12-31");
        var export = await client.GetAsync("/Audit/Export?From=0001-01-01&To=9999-12-31");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Choose dates between 1900 and 2199.", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.DoesNotContain("OccurredLocal", await export.Content.ReadAsStringAsync());
    }
}
