using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [InlineData("Confirm", "9999-12-31")]
    [InlineData("SendConfirmations", "9999-12-31")]
    [InlineData("Confirm", "0001-01-01")]
    [InlineData("SendConfirmations", "1850-06-01")]
    [InlineData("SendConfirmations", "2300-01-01")]
    public async Task A_forged_confirmation_post_for_a_day_the_schedule_cant_show_is_refused_and_changes_nothing(
        string action, string date)
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var ledgerBefore = await CountAsync(db => db.CreditLedgerEntries.CountAsync());

        var response = await client.PostFormAsync($"/Schedule/{action}",
            new Dictionary<string, string> { ["Date"] = date, ["AllDay"] = "true" }, tokenFrom: "/Schedule");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Choose dates between 1900 and 2199.", await page.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(db => db.Campaigns.CountAsync()));
        Assert.Equal(ledgerBefore, await CountAsync(db => db.CreditLedgerEntries.CountAsync()));
    }

    private async Task<int> CountAsync(Func<PmxDbContext, Task<int>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
    }
}
