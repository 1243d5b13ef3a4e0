using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Security;

[Trait("Check", "R26")]
public sealed class AuditTests : IDisposable
{
    private const string PatientFirst = "Zebulon";
    private const string PatientLast = "Quartermaine";
    private const string ParentEmail = "zq.parent@example.com";

    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task R26_the_audit_page_is_for_administrators_only()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        var frontDesk = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Audit")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await frontDesk.GetAsync("/Audit")).Headers.Location!.ToString());
        Assert.Contains("/Account/AccessDenied", (await manager.GetAsync("/Audit/Export")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task R26_exporting_the_trail_is_itself_audited_and_neutralizes_formulas()
    {
        var admin = await _app.SignInAsRoleAsync(Roles.Administrator);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("test.event", "Thing", "1", "=HYPERLINK(\"x\")");
        }

        var csv = await admin.GetStringAsync("/Audit/Export");

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv);
        await using var check = _app.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<PmxDbContext>().AuditEvents.AnyAsync(e => e.Action == AuditActions.AuditExported));
    }

    [Fact]
    public async Task R26_a_full_campaign_is_audited_and_its_logs_hold_no_names_addresses_or_bodies()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        int patientId;
        int templateId;
        DateOnly tomorrow;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            var zone = (await scope.ServiceProvider.GetRequiredService<PracticeDirectory>().GetAsync()).TimeZone;
            tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Clock.GetUtcNow(), zone).DateTime).AddDays(1);
            var patient = new Patient
            {
                ChartNumber = "ZQ1", FirstName = PatientFirst, LastName = PatientLast, DateOfBirth = new DateOnly(2017, 2, 3),
                ContactPoints = [new ContactPoint { Mode = ContactMode.Email, Value = ParentEmail }],
            };
            db.Patients.Add(patient);
            db.Appointments.Add(new Appointment
            {
                Patient = patient, Provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" }, Location = "Main",
                AppointmentType = "Well visit", StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tomorrow.ToDateTime(new TimeOnly(10, 0)), zone)),
            });
            await db.SaveChangesAsync();
            patientId = patient.Id;
            templateId = await db.MessageTemplates.Where(t => t.Need == Need.AppointmentReminder && t.VariantOfId == null).Select(t => t.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(10, "test funding", "test:funding");
        }

        await client.GetAsync($"/Patients/Details/{patientId}");
        await client.PostFormAsync("/PersonalizedMessages/Send", new Dictionary<string, string>
        {
            ["Need"] = nameof(Need.AppointmentReminder), ["TemplateId"] = templateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AudienceKind"] = nameof(AudienceKind.Appointments), ["From"] = tomorrow.ToString("yyyy-MM-dd"),
            ["To"] = tomorrow.ToString("yyyy-MM-dd"), ["SendLater"] = "false",
        }, tokenFrom: "/PersonalizedMessages/Compose");
        string body;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().Messages.AsNoTracking().SingleAsync();
            if (message.Status == MessageStatus.Sent)
            {
                body = message.Body;
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The campaign did not send within 60 seconds.");
            await Task.Delay(100);
        }

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<PmxDbContext>().AuditEvents.Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditActions.PatientViewed, actions);
            Assert.Contains(AuditActions.CampaignCreated, actions);
        }
        var logs = string.Join("\n", Directory.GetFiles(Path.Combine(_app.DataFolder, "logs"), "*.log")
            .Select(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); return new StreamReader(s).ReadToEnd(); }));
        Assert.Contains("Campaign", logs);
        Assert.DoesNotContain(PatientFirst, logs);
        Assert.DoesNotContain(PatientLast, logs);
        Assert.DoesNotContain(ParentEmail, logs);
        var bodyText = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(bodyText.Length > 5);
        Assert.DoesNotContain(string.Join(' ', bodyText.Take(6)), logs);
    }
}
