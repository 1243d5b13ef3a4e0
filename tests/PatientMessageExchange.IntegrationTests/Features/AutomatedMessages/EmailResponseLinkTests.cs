using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.IntegrationTests.Dispatch;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// A confirmation email carries a signed link to a page that needs no sign-in, shows the first name and time only, and
/// confirms or cancels by its buttons (a GET changes nothing). A forged or altered token is 404; after the appointment
/// has passed nothing changes.
/// </summary>
public sealed partial class EmailResponseLinkTests
{
    [Fact]
    public async Task The_email_link_confirms_then_cancels_without_signing_in()
    {
        await using var h = await SentConfirmationEmailAsync();
        var link = LinkIn(h.Email);
        var client = h.Harness.App.CreateBrowserlessClient();

        var page = await client.GetStringAsync(link);
        Assert.Contains("Avery", page);
        Assert.DoesNotContain("Testcase", page);
        Assert.Equal(AppointmentStatus.Scheduled, await StatusAsync(h));

        var confirmed = await client.PostFormAsync(link, new Dictionary<string, string> { ["answer"] = "confirm" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("the appointment is confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(AppointmentStatus.Confirmed, await StatusAsync(h));

        var cancelled = await client.PostFormAsync(link, new Dictionary<string, string> { ["answer"] = "cancel" });
        Assert.Contains("The appointment is cancelled", await cancelled.Content.ReadAsStringAsync());
        var appointment = await h.Harness.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == h.AppointmentId));
        Assert.Equal((AppointmentStatus.Cancelled, EmailResponder.How), (appointment.Status, appointment.CancelledBy));
        Assert.Equal(1, await h.Harness.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AppointmentConfirmed)));
        Assert.Equal(1, await h.Harness.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AppointmentCancelled)));
    }

    [Fact]
    public async Task An_altered_token_is_not_found_and_changes_nothing()
    {
        await using var h = await SentConfirmationEmailAsync();
        var link = LinkIn(h.Email);
        var token = link[(link.LastIndexOf('/') + 1)..];
        var altered = link[..(link.LastIndexOf('/') + 1)] + (token[^1] == 'A' ? token[..^1] + "B" : token[..^1] + "A");
        var client = h.Harness.App.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(altered)).StatusCode);
        var post = await client.PostFormAsync(altered, new Dictionary<string, string> { ["answer"] = "cancel" }, tokenFrom: link);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(AppointmentStatus.Scheduled, await StatusAsync(h));
    }

    [Fact]
    public async Task After_the_appointment_has_passed_the_link_changes_nothing()
    {
        await using var h = await SentConfirmationEmailAsync();
        var link = LinkIn(h.Email);
        var client = h.Harness.App.CreateBrowserlessClient();
        var token = await client.GetAntiforgeryTokenAsync(link);
        h.Harness.App.Clock.Advance(TimeSpan.FromDays(3));

        var response = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["answer"] = "cancel", ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("already passed, so nothing was changed", await response.Content.ReadAsStringAsync());
        Assert.Equal(AppointmentStatus.Scheduled, await StatusAsync(h));
    }

    private static Task<AppointmentStatus> StatusAsync(Sent h) =>
        h.Harness.QueryAsync(db => db.Appointments.Where(a => a.Id == h.AppointmentId).Select(a => a.Status).SingleAsync());

    private static string LinkIn(string html)
    {
        var match = ResponseLink().Match(html);
        Assert.True(match.Success, "The confirmation email has no confirm/cancel link.");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery;
    }

    [GeneratedRegex("href=\"([^\"]*/r/[^\"]+)\"")]
    private static partial Regex ResponseLink();

    /// <summary>A confirmation email sent through SMTP to a family, as the schedule's Confirm all sends it.</summary>
    private static async Task<Sent> SentConfirmationEmailAsync()
    {
        var harness = await DispatchHarness.StartAsync(credits: 100);
        var patientId = await harness.App.AddAdultAsync(PatientSeed.Point(ContactMode.Email, "avery@example.com"));
        var appointmentId = await harness.QueryAsync(async db =>
        {
            foreach (var row in await db.DefaultContactPreferences.Where(p => p.Need == Core.Preferences.Need.AppointmentConfirmation).ToListAsync())
            {
                row.Modes = [ContactMode.Email];
            }
            var provider = db.Providers.Add(new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" }).Entity;
            var appointment = new Appointment
            {
                PatientId = patientId, Provider = provider, StartUtc = harness.App.Clock.GetUtcNow().AddDays(1), Location = "Main office",
                AppointmentType = "Well visit",
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment.Id;
        });
        await using (var scope = harness.App.Services.CreateAsyncScope())
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(harness.App.Clock.GetUtcNow().AddDays(1), zone).DateTime);
            var plan = await scope.ServiceProvider.GetRequiredService<ConfirmationPlanner>().PlanAsync(new ConfirmationRequest(day, true, null, null, null));
            Assert.True(plan.Plan.CanSend, string.Join("; ", plan.Plan.Problems));
            Assert.True((await harness.CreateAsync(plan.Plan.Draft!)).Succeeded);
        }
        await harness.RunQueuedBatchesAsync();
        var email = Assert.Single(harness.Sink.Received).Message;
        return new Sent(harness, appointmentId, email.HtmlBody ?? "");
    }

    private sealed record Sent(DispatchHarness Harness, int AppointmentId, string Email) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }
}
