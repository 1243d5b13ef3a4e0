using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using PatientMessageExchange.IntegrationTests.Twilio;

namespace PatientMessageExchange.IntegrationTests.Features.Schedule;

/// <summary>
/// Issue 21.2: once requests went out, the schedule says so per appointment, and Confirm visible / Confirm all leave out
/// appointments with a pending request (unless the user resends) and appointments that have started.
/// </summary>
public sealed class ConfirmationRequestStateTests : IAsyncLifetime
{
    private TelephonyHarness _harness = null!;
    private DateOnly _day;

    public async Task InitializeAsync()
    {
        _harness = await TelephonyHarness.StartAsync();
        await _harness.AddFamilyAsync("+16175550601");
        await _harness.AddFamilyAsync("+16175550602");
        _day = _harness.Tomorrow();
        await _harness.SendConfirmationsAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Confirm_all_again_offers_nothing_unless_the_user_chooses_to_resend()
    {
        var again = await PlanAsync(resend: false);
        var resend = await PlanAsync(resend: true);

        Assert.Equal((0, 2, 0), (again.Appointments, again.AlreadyRequested, again.Plan.TotalCredits));
        Assert.False(again.Plan.CanSend);
        Assert.Equal(2, resend.Appointments);
        Assert.Equal(2, resend.Plan.TotalMessages);
    }

    [Fact]
    public async Task The_schedule_shows_when_and_by_which_channel_each_request_went()
    {
        var client = await _harness.App.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await client.GetStringAsync($"/Schedule?date={_day:yyyy-MM-dd}");

        Assert.Equal(2, html.Split("Requested by text at ").Length - 1);
    }

    [Fact]
    public async Task Appointments_that_have_started_are_left_out()
    {
        // Both visits are at 10:00 tomorrow; at 10:05 they have begun, even with resend chosen.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var fiveAfter = TimeZoneInfo.ConvertTimeToUtc(_day.ToDateTime(new TimeOnly(10, 5)), zone);
        _harness.App.Clock.SetUtcNow(new DateTimeOffset(fiveAfter));

        var plan = await PlanAsync(resend: true);

        Assert.Equal((0, 2), (plan.Appointments, plan.Started));
    }

    private async Task<ConfirmationPlan> PlanAsync(bool resend)
    {
        await using var scope = _harness.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConfirmationPlanner>()
            .PlanAsync(new ConfirmationRequest(_day, AllDay: true, null, null, null, resend));
    }
}
