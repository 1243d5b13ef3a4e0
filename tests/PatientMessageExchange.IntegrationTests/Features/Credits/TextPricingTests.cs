using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Reports;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using PatientMessageExchange.IntegrationTests.Twilio;

namespace PatientMessageExchange.IntegrationTests.Features.Credits;

/// <summary>
/// "Text message = 3 credits", as the product states it, unless the practice chose per-segment pricing: a 2-segment
/// confirmation text planned, reserved, sent through the real Twilio SDK to the fake, charged, and reported on Messages
/// Sent; and a 2-segment inbound reply charged through the signed webhook. The ledger check must agree throughout.
/// </summary>
public sealed class TextPricingTests
{
    private const string Mobile = "+16175550401";

    // 180 GSM-7 characters with the merge fields rendered: two segments (153 + the rest), never three.
    private const string LongSms =
        "{{ practice.name }}: {{ patient.first_name }} has a visit on {{ appointment.date }} at {{ appointment.time }}. " +
        "Please bring the insurance card and the list of medicines. Reply C to confirm or call us to change the time.";

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 6)]
    public async Task A_two_segment_text_costs_3_by_default_and_6_per_segment_in_estimate_charge_and_report(bool perSegment, int credits)
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile);
        await UseLongSmsAsync(harness);
        if (perSegment)
        {
            await harness.SetPerSegmentTextPricingAsync(true);
        }

        var plan = (await harness.PlanConfirmationsAsync()).Plan;
        var text = Assert.Single(plan.ByMode);
        var campaignId = await harness.SendConfirmationsAsync();

        Assert.Equal((ContactMode.Text, 1, 2, credits), (text.Mode, text.Messages, text.Segments, text.Credits));
        Assert.Equal(credits, plan.TotalCredits);
        var message = Assert.Single(await harness.MessagesAsync(campaignId));
        Assert.Equal((MessageStatus.Sent, 2, credits), (message.Status, message.Segments, message.Cost));
        var entries = await harness.QueryAsync(db => db.CreditLedgerEntries.AsNoTracking().Where(e => e.CampaignId == campaignId)
            .OrderBy(e => e.Id).Select(e => new { e.Kind, e.Amount }).ToListAsync());
        Assert.Equal([(CreditEntryKind.Reserve, -credits), (CreditEntryKind.Charge, -credits)], entries.Select(e => (e.Kind, e.Amount)));
        var report = await ReportAsync(harness);
        Assert.Equal(credits, Assert.Single(report.Groups, g => g.Mode == ContactMode.Text).Credits);
        Assert.Equal((credits, credits), (report.TotalCredits, report.ChargedPerLedger));
        Assert.True(report.Reconciles);
        await AssertLedgerAsync(harness, 100 - credits);
    }

    [Theory]
    [InlineData(false, 3, "It still costs 3 credits: texts are priced per message.")]
    [InlineData(true, 6, "Texts are priced per segment, so it costs 6 credits.")]
    public async Task The_composer_estimate_shows_segments_and_encoding_and_warns_past_one_segment(bool perSegment, int credits,
        string pricing)
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        await harness.AddFamilyAsync(Mobile);
        // About 100 UCS-2 units with the fields rendered (the curly apostrophes force UCS-2): two segments of 67.
        await harness.QueryAsync(db => db.MessageTemplates.Where(t => t.Need == Need.AppointmentReminder)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SmsBody,
                "{{ practice.name }}: it’s time for {{ patient.first_name }}’s visit on {{ appointment.date }} at {{ appointment.time }}.")));
        if (perSegment)
        {
            await harness.SetPerSegmentTextPricingAsync(true);
        }
        var templateId = await harness.QueryAsync(db => db.MessageTemplates
            .Where(t => t.Need == Need.AppointmentReminder && t.VariantOfId == null).Select(t => t.Id).FirstAsync());
        var client = await harness.App.SignInAsRoleAsync(Roles.FrontDesk);
        var day = harness.Tomorrow().ToString("yyyy-MM-dd");

        var response = await client.PostFormAsync("/PersonalizedMessages/Estimate", new Dictionary<string, string>
        {
            ["Need"] = nameof(Need.AppointmentReminder), ["TemplateId"] = templateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AudienceKind"] = nameof(AudienceKind.Appointments), ["From"] = day, ["To"] = day, ["SendLater"] = "false",
        }, tokenFrom: "/PersonalizedMessages/Compose");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"estimate-total\">{credits}<", html);
        Assert.Contains("(2 SMS segments)", html);
        Assert.Matches(@"Texts: 1 message\(s\), 2 SMS segment\(s\), the longest 2;\s+encoding UCS-2 for 1 of them", html);
        Assert.Contains("This text is 2 SMS segments; characters such as ’ force the longer encoding", html);
        Assert.Contains(pricing, html);
        Assert.Contains("\"Use plain quotes and dashes\"", html);
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 6)]
    public async Task A_two_segment_inbound_reply_costs_3_by_default_and_6_per_segment(bool perSegment, int credits)
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 100);
        if (perSegment)
        {
            await harness.SetPerSegmentTextPricingAsync(true);
        }
        var reply = "Thank you for the reminder. " + new string('x', 150); // 178 GSM-7 characters: 2 segments
        Assert.Equal(2, SmsSegmenter.Count(reply).Segments);

        var response = await harness.PostAsync("/webhooks/twilio/sms", TelephonyHarness.InboundText("SMlong1", Mobile, reply));

        Assert.Equal(200, response.StatusCode);
        var charge = await harness.QueryAsync(db => db.CreditLedgerEntries.AsNoTracking().SingleAsync(e => e.InboundMessageId != null));
        Assert.Equal(-credits, charge.Amount);
        var report = await ReportAsync(harness);
        Assert.Equal((1, (long)credits), (report.Inbound.Count, report.Inbound.Credits));
        Assert.True(report.Reconciles);
        await AssertLedgerAsync(harness, 100 - credits);
    }

    [Fact]
    public async Task Per_segment_pricing_is_off_by_default_and_only_an_administrator_turns_it_on_which_is_audited()
    {
        await using var harness = await TelephonyHarness.StartAsync(credits: 0);
        var manager = await harness.App.SignInAsRoleAsync(Roles.OfficeManager);

        var denied = await manager.PostFormAsync("/Admin/TextPricing", new Dictionary<string, string> { ["perSegment"] = "true" },
            tokenFrom: "/UsageStatistics");
        var before = await harness.QueryAsync(db => db.PracticeProfiles.AsNoTracking().SingleAsync());
        await harness.SetPerSegmentTextPricingAsync(true);
        var page = await (await harness.App.SignInAsRoleAsync(Roles.Administrator)).GetStringAsync("/Admin/Practice");

        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location?.PathAndQuery);
        Assert.False(before.PerSegmentTextPricing);
        Assert.True((await harness.QueryAsync(db => db.PracticeProfiles.AsNoTracking().SingleAsync())).PerSegmentTextPricing);
        var audit = await harness.QueryAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == AuditActions.TextPricingChanged));
        Assert.Equal("3 credits per SMS segment", audit.Detail);
        Assert.Contains("id=\"pricing-segment\" value=\"true\" checked=\"checked\"", page);
    }

    private static async Task UseLongSmsAsync(TelephonyHarness harness) =>
        await harness.QueryAsync(db => db.MessageTemplates
            .Where(t => t.Need == Need.AppointmentConfirmation)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SmsBody, LongSms)));

    private static async Task<MessagesSentReport> ReportAsync(TelephonyHarness harness)
    {
        await using var scope = harness.App.Services.CreateAsyncScope();
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.Today, harness.App.Clock.GetUtcNow(),
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        return await scope.ServiceProvider.GetRequiredService<MessagesSentReporter>().BuildAsync(period);
    }

    private static async Task AssertLedgerAsync(TelephonyHarness harness, int available)
    {
        var balance = await harness.BalanceAsync();
        Assert.Equal((available, 0), (balance.Available, balance.Reserved));
        await using var scope = harness.App.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<CreditIntegrityCheck>().RunAsync()).IsConsistent);
    }
}
