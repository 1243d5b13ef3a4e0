using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Reports;
using PatientMessageExchange.IntegrationTests.Dispatch;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.MessagesSent;

public sealed class MessagesSentTests : IDisposable
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>The 15th of last month (practice time), 10:00 local, whatever the fake clock says today is.</summary>
    private DateTimeOffset MidLastMonth()
    {
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, _app.Clock.GetUtcNow(), NewYork);
        return period.StartUtc.AddDays(14).AddHours(10);
    }

    /// <summary>Text messages of last month as dispatch leaves them, each delivered one with its ledger charge.</summary>
    private async Task SeedTextMessagesAsync(int delivered, int failed, string patientLastName = "Lee")
    {
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var patient = new Patient { ChartNumber = $"C{Guid.NewGuid():N}"[..10], FirstName = "Avery", LastName = patientLastName };
        db.Patients.Add(patient);
        var campaign = new Campaign
        {
            Kind = CampaignKind.Personalized, Name = "Flu clinic", Need = Need.GeneralAnnouncement, AudienceDescription = "all",
            Status = CampaignStatus.Completed, CreatedUtc = MidLastMonth().AddHours(-1), CreatedByName = "Dana",
            CreatedByUserId = "user-dana",
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var batch = new DispatchBatch { CampaignId = campaign.Id, Channel = Channel.Sms, Status = BatchStatus.Done };
        db.DispatchBatches.Add(batch);
        await db.SaveChangesAsync();
        var at = MidLastMonth();
        for (var i = 0; i < delivered + failed; i++)
        {
            var ok = i < delivered;
            var message = new Message
            {
                CampaignId = campaign.Id, BatchId = batch.Id, PatientId = patient.Id, Mode = ContactMode.Text, Channel = Channel.Sms,
                Address = "+16175550100", Body = "Flu clinic Saturday", Cost = 3, CreatedUtc = at,
                Status = ok ? MessageStatus.Delivered : MessageStatus.Failed,
                SentUtc = ok ? at.AddMinutes(i) : null, CompletedUtc = ok ? null : at.AddMinutes(i),
                Error = ok ? null : "Twilio error 30006: landline or unreachable carrier",
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            db.CreditLedgerEntries.Add(new CreditLedgerEntry
            {
                Kind = ok ? CreditEntryKind.Charge : CreditEntryKind.Release, Amount = ok ? -3 : 3,
                IdempotencyKey = $"seed:{message.Id}", MessageId = message.Id, CampaignId = campaign.Id,
                ContactMode = ok ? ContactMode.Text : null, CreatedUtc = at.AddMinutes(i),
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Tab_shows_the_groups_and_a_matching_ledger_line_for_a_sent_email_campaign()
    {
        await using var harness = await DispatchHarness.StartAsync(credits: 100);
        var created = await harness.CreateAsync(DispatchHarness.EmailDraft(3));
        Assert.True(created.Succeeded);
        await harness.RunQueuedBatchesAsync();
        var client = await harness.App.SignInAsync("admin");

        var html = await client.GetStringAsync("/MessagesSent?Period=Today");

        Assert.Contains("data-testid=\"balance-badge\"", html);
        Assert.Contains("href=\"/MessagesSent\"", html);
        Assert.Matches("data-testid=\"subtotal-Email\">3<", html);
        Assert.Matches("data-testid=\"credits-Email\">3<", html);
        Assert.Matches("data-testid=\"subtotal-Text\">0<", html);
        Assert.Contains("Charged per ledger: <strong>3 credits</strong>", html);
        Assert.DoesNotContain("data-testid=\"ledger-mismatch\"", html);
    }

    [Fact]
    public async Task Detail_pages_the_open_group_and_applies_the_status_filter()
    {
        await SeedTextMessagesAsync(delivered: 55, failed: 5);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var first = await client.GetStringAsync("/MessagesSent/Detail?Period=LastMonth&Mode=Text");
        var second = await client.GetStringAsync("/MessagesSent/Detail?Period=LastMonth&Mode=Text&Page=2");
        var failed = await client.GetStringAsync("/MessagesSent/Detail?Period=LastMonth&Mode=Text&Status=Failed");

        Assert.Contains("(60)", first);
        Assert.Contains("Page 1 of 2", first);
        Assert.Equal(50, CountRows(first));
        Assert.Equal(10, CountRows(second));
        Assert.Contains("(5)", failed);
        Assert.Contains("That number is a landline and can&#x27;t receive texts.", failed);
        Assert.DoesNotContain("Delivered", failed.Split("<tbody>")[1]);
    }

    [Fact]
    public async Task Index_with_a_group_open_renders_its_messages_without_script()
    {
        await SeedTextMessagesAsync(delivered: 2, failed: 1);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await client.GetStringAsync("/MessagesSent?Period=LastMonth&Mode=Text");

        Assert.Matches("data-testid=\"subtotal-Text\">3<", html);
        Assert.Matches("data-testid=\"credits-Text\">6<", html);
        Assert.Contains("data-testid=\"detail\"", html);
        Assert.Contains("Lee, Avery", html);
        Assert.Contains("hx-get=\"/MessagesSent/Detail?Period=LastMonth&amp;Mode=Text\"", html);
    }

    [Fact]
    public async Task A_ledger_charge_without_its_message_is_flagged_on_the_tab()
    {
        await SeedTextMessagesAsync(delivered: 2, failed: 0);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            db.CreditLedgerEntries.Add(new CreditLedgerEntry
            {
                Kind = CreditEntryKind.Charge, Amount = -5, IdempotencyKey = "stray", MessageId = 999_999, CreatedUtc = MidLastMonth(),
            });
            await db.SaveChangesAsync();
        }
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var html = await client.GetStringAsync("/MessagesSent?Period=LastMonth");

        Assert.Contains("data-testid=\"ledger-mismatch\"", html);
        Assert.Contains("&#x2B;5 credits", html); // "+5", HTML-encoded
    }

    [Fact]
    public async Task Print_lists_every_message_of_a_group_past_the_old_2000_row_cap()
    {
        await SeedTextMessagesAsync(delivered: 2_040, failed: 10);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, _app.Clock.GetUtcNow(), NewYork);

        var html = await client.GetStringAsync("/MessagesSent/Print?Period=LastMonth");

        var section = html.Split("data-testid=\"print-group-Text\"")[1];
        Assert.Equal(2_050, CountRows(section));
        Assert.Contains("data-testid=\"print-count-Text\">2,050 message(s) printed.", section);
        Assert.DoesNotContain("Only the first", html);
        Assert.Equal($"Print, {period.IsoRange}, 2,050 rows", (await AuditAsync(AuditActions.MessagesSentPrinted)).Detail);
    }

    [Fact]
    public async Task Print_page_has_no_navigation_and_shows_practice_period_and_printer_and_is_audited()
    {
        await SeedTextMessagesAsync(delivered: 3, failed: 0);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, _app.Clock.GetUtcNow(), NewYork);

        var html = await client.GetStringAsync("/MessagesSent/Print?Period=LastMonth");

        Assert.DoesNotContain("navbar", html);
        Assert.DoesNotContain("Sign out", html);
        Assert.Contains("Test Pediatrics", html);
        Assert.Contains(period.Label.Replace("–", "&#x2013;"), html);
        Assert.Matches("Printed .* by frontdesk-", html);
        Assert.Contains("data-testid=\"print-group-Text\"", html);
        Assert.Contains("<thead>", html);
        var audit = await AuditAsync(AuditActions.MessagesSentPrinted);
        Assert.StartsWith("frontdesk-", audit.UserName);
        Assert.Equal($"Print, {period.IsoRange}, 3 rows", audit.Detail);
    }

    [Fact]
    public async Task R26_Front_desk_exports_csv_with_the_detail_columns_streamed_and_audited()
    {
        await SeedTextMessagesAsync(delivered: 40, failed: 2, patientLastName: "=cmd|' /C calc'!A0");
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var period = ReportPeriod.ForPreset(ReportPeriodPreset.LastMonth, _app.Clock.GetUtcNow(), NewYork);

        var response = await client.GetAsync("/MessagesSent/Csv?Period=LastMonth", HttpCompletionOption.ResponseHeadersRead);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", MessagesSentColumns.Headers), lines[0]);
        Assert.Equal(43, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains("'=cmd|", line)); // R28
        var audit = await AuditAsync(AuditActions.MessagesSentExported);
        Assert.Equal($"CSV export, {period.IsoRange}, 42 rows", audit.Detail);
        Assert.StartsWith("frontdesk-", audit.UserName);
    }

    [Fact]
    public async Task R26_Xlsx_export_has_the_same_rows_as_the_screen_and_is_audited()
    {
        await SeedTextMessagesAsync(delivered: 4, failed: 1);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var screen = await client.GetStringAsync("/MessagesSent/Detail?Period=LastMonth&Mode=Text&Status=Delivered");
        var bytes = await client.GetByteArrayAsync("/MessagesSent/Xlsx?Period=LastMonth&Mode=Text&Status=Delivered");

        await using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(MessagesSentColumns.Headers, rows[0].Keys);
        Assert.Equal(CountRows(screen), rows.Count);
        Assert.All(rows, r => Assert.Equal("Delivered", r["Status"]));
        Assert.All(rows, r => Assert.Contains($"<td>{r["Sent"]}</td>".Replace("<td>", "<td class=\"text-nowrap\">"), screen));
        var audit = await AuditAsync(AuditActions.MessagesSentExported);
        Assert.Contains("XLSX export", audit.Detail);
        Assert.Contains("4 rows, mode Text, status Delivered", audit.Detail);
    }

    [Fact]
    public async Task The_xlsx_export_is_a_valid_workbook_by_the_open_xml_schema()
    {
        await SeedTextMessagesAsync(delivered: 3, failed: 2);
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var bytes = await client.GetByteArrayAsync("/MessagesSent/Xlsx?Period=LastMonth");

        using var stream = new MemoryStream(bytes);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016)
            .Validate(workbook)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.Empty(errors);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(6, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    [Fact]
    public async Task A_custom_period_ending_before_it_starts_is_explained_beside_the_field()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.GetAsync("/MessagesSent?Period=Custom&From=2026-11-30&To=2026-11-01");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The last day is before the first day.", html);
        Assert.Contains("value=\"2026-11-30\"", html);
    }

    [Theory]
    [InlineData("/MessagesSent")]
    [InlineData("/MessagesSent/Print")]
    [InlineData("/MessagesSent/Csv")]
    [InlineData("/MessagesSent/Xlsx")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        await _app.CompleteSetupAsync();

        var response = await _app.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery);
    }

    private static int CountRows(string html) =>
        html.Split("<tbody>")[1].Split("</tbody>")[0].Split("<tr>").Length - 1;

    private async Task<AuditEvent> AuditAsync(string action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        return await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == action);
    }
}
