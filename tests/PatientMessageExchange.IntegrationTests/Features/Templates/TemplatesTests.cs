using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PatientMessageExchange.IntegrationTests.Features.Templates;

public sealed class TemplatesTests(ITestOutputHelper output) : IDisposable
{
    private readonly PmxAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Fields(string name, string sms, string? id = null) => new()
    {
        ["Id"] = id ?? "",
        ["Name"] = name,
        ["Need"] = "AppointmentReminder",
        ["Scope"] = "Personalized",
        ["Language"] = "en",
        ["VariantOfId"] = "",
        ["EmailSubject"] = "",
        ["EmailHtmlBody"] = "",
        ["SmsBody"] = sms,
        ["VoiceScript"] = "This is {{ practice.name }} calling for the family of {{ patient.preferred_name }}.",
    };

    [Fact]
    public async Task The_starter_templates_are_listed_and_the_nav_links_to_the_tab()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = await (await client.GetAsync("/Templates")).Content.ReadAsStringAsync();
        var spanishAnnouncements = await (await client.GetAsync("/Templates?Need=GeneralAnnouncement&Language=es")).Content.ReadAsStringAsync();

        Assert.Contains("Appointment confirmation", html);
        Assert.Contains("Flu clinic", html);
        Assert.Contains("href=\"/Templates\"", html);
        Assert.Contains("Flu clinic", spanishAnnouncements);
        Assert.DoesNotContain("Appointment confirmation</a>", spanishAnnouncements);
    }

    [Fact]
    public async Task An_office_manager_creates_and_edits_a_template_through_the_editor_and_each_save_is_audited()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);

        var created = await client.PostFormAsync("/Templates/Save",
            Fields("Test reminder", "Hi {{ patient.first_name }}, see you {{ appointment.date }}."), tokenFrom: "/Templates/Edit");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var id = location[(location.LastIndexOf('/') + 1)..];
        var page = await (await client.GetAsync(location)).Content.ReadAsStringAsync();
        Assert.Contains("Hi {{ patient.first_name }}, see you {{ appointment.date }}.", WebUtility.HtmlDecode(page));

        var edited = await client.PostFormAsync("/Templates/Save",
            Fields("Test reminder", "Hello {{ patient.first_name }}.", id), tokenFrom: location);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.Equal("Hello {{ patient.first_name }}.", (await db.MessageTemplates.SingleAsync(t => t.Id == int.Parse(id))).SmsBody);
        var events = await db.AuditEvents.Where(a => a.EntityType == nameof(MessageTemplate)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.TemplateCreated, AuditActions.TemplateEdited], events.Select(e => e.Action));
        Assert.All(events, e => Assert.StartsWith("officemanager-", e.UserName));
        Assert.Equal("Changed: SmsBody", events[1].Detail);
    }

    [Fact]
    public async Task A_refused_save_shows_the_error_beside_the_part_and_keeps_what_was_typed()
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);
        var before = await CountTemplatesAsync();

        var response = await client.PostFormAsync("/Templates/Save",
            Fields("Draft <with> markup", "Line one\nDear {{ patient.shoe_size }}"), tokenFrom: "/Templates/Edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Contains("Line one\nDear {{ patient.shoe_size }}", decoded);
        Assert.Contains("value=\"Draft &lt;with&gt; markup\"", html);
        var errors = html[html.IndexOf("id=\"SmsBody-errors\"", StringComparison.Ordinal)..];
        Assert.Contains("Line 2, column 9", WebUtility.HtmlDecode(errors[..errors.IndexOf("</div>\n    </div>", StringComparison.Ordinal)]));
        Assert.Equal(before, await CountTemplatesAsync());
    }

    [Fact]
    public async Task A_text_past_one_segment_is_warned_about_and_managers_get_the_plain_quotes_button()
    {
        var patientId = await AddPatientWithAppointmentAsync();
        var manager = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var token = await manager.GetAntiforgeryTokenAsync("/Templates/Edit");
        var fields = Fields("x", "It’s time for the flu shot – " + new string('a', 60));
        fields["PreviewPatientId"] = patientId.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Templates/Preview") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("HX-Request", "true");

        var preview = WebUtility.HtmlDecode(await (await manager.SendAsync(request)).Content.ReadAsStringAsync());
        var editor = WebUtility.HtmlDecode(await manager.GetStringAsync("/Templates/Edit"));
        var frontDeskEditor = await (await _app.SignInAsRoleAsync(Roles.FrontDesk)).GetStringAsync("/Templates/Edit");

        Assert.Contains("This text is 2 SMS segments; characters such as ’ or – force the longer encoding", preview);
        Assert.Contains("\"Use plain quotes and dashes\" does it for quotes and dashes", preview);
        Assert.Contains("data-smart-encode=\"SmsBody\"", editor);
        // The button applies the server's own table (System.Text.Json writes ‘ ’ and ' as \u2018 \u2019 \u0027).
        Assert.Contains(@"{""\u2018"":""\u0027"",""\u2019"":""\u0027""", editor);
        Assert.DoesNotContain("data-smart-encode=", frontDeskEditor);
    }

    [Fact]
    public async Task The_preview_renders_for_a_Spanish_speaking_patient_with_segments_and_the_spoken_provider()
    {
        var patientId = await AddPatientWithAppointmentAsync();
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var token = await client.GetAntiforgeryTokenAsync("/Templates/Edit");
        var fields = Fields("x", "Cita de {{ patient.first_name }} el {{ appointment.date }} con {{ appointment.provider }}");
        fields["Language"] = "es";
        fields["VoiceScript"] = "Le llama {{ practice.name }} sobre una cita con {{ appointment.provider }}.";
        fields["EmailSubject"] = "Cita {{ appointment.date }}";
        fields["EmailHtmlBody"] = "<p>{{ guardian.name }}</p>";
        fields["PreviewPatientId"] = patientId.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Templates/Preview") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<html", html);
        var expectedDay = ExpectedSpanishDay();
        Assert.Contains($"Cita de Sofía el {expectedDay} con Dr. Lee", html);
        Assert.Contains("Le llama Test Pediatrics sobre una cita con Doctor Lee.", html);
        Assert.Contains("UCS-2", html);
        Assert.Contains("U+00ED", html);
        Assert.Contains("sandbox", html);
        Assert.Contains("srcdoc=\"<p>Marta Reyes</p>\"", html);
        Assert.Contains("id=\"preview-patient\"", html);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.PatientViewed && a.EntityId == patientId.ToString()));
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}", "A range like (1..n) may have at most 10,000 items")]
    [InlineData("{% assign s = \"x\" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
        "The template builds a text longer than 200,000 characters")]
    public async Task A_runaway_template_is_refused_in_preview_and_on_save_without_taking_memory(string body, string reason)
    {
        var client = await _app.SignInAsRoleAsync(Roles.Administrator);
        var before = await CountTemplatesAsync();
        var fields = Fields("Runaway", "");
        fields["Scope"] = "Broadcast";
        fields["Need"] = "GeneralAnnouncement";
        fields["VoiceScript"] = "";
        fields["EmailSubject"] = "Flu clinic";
        fields["EmailHtmlBody"] = body;
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;

        var preview = await client.PostFormAsync("/Templates/Preview", fields, tokenFrom: "/Templates/Edit");
        var saved = await client.PostFormAsync("/Templates/Save", fields, tokenFrom: "/Templates/Edit");

        process.Refresh();
        var heapAfter = GC.GetTotalMemory(false);
        output.WriteLine($"{reason}: heap {heapBefore / 1048576.0:0.0} -> {heapAfter / 1048576.0:0.0} MB, " +
                          $"working set {workingSetBefore / 1048576.0:0} -> {process.WorkingSet64 / 1048576.0:0} MB, peak {process.PeakWorkingSet64 / 1048576.0:0} MB");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));
        Assert.Equal(before, await CountTemplatesAsync());
        Assert.True(heapAfter - heapBefore < 64L * 1024 * 1024, $"the heap grew by {heapAfter - heapBefore:N0} bytes");
    }

    [Fact]
    public async Task The_patient_search_finds_a_patient_by_chart_number()
    {
        await AddPatientWithAppointmentAsync();
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var html = WebUtility.HtmlDecode(await (await client.GetAsync("/Templates/Patients?q=tpl-001")).Content.ReadAsStringAsync());

        Assert.Contains("Reyes, Sofía", html);
        Assert.Contains("PreviewPatientId", html);
    }

    [Fact]
    public async Task A_preview_post_without_the_antiforgery_token_is_refused()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);

        var response = await client.PostFormAsync("/Templates/Preview", Fields("x", "Hi"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Front_desk_can_open_and_preview_a_template_but_is_denied_on_save_and_nothing_changes()
    {
        var client = await _app.SignInAsRoleAsync(Roles.FrontDesk);
        var templateId = await FirstTemplateIdAsync();

        var page = await client.GetAsync($"/Templates/Edit/{templateId}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Save template", html);
        Assert.Contains("Only an office manager or administrator can change templates", html);

        var save = await client.PostFormAsync("/Templates/Save", Fields("Hijacked", "Hi", templateId.ToString()),
            tokenFrom: $"/Templates/Edit/{templateId}");
        var archive = await client.PostFormAsync($"/Templates/Archive/{templateId}", new Dictionary<string, string>(),
            tokenFrom: $"/Templates/Edit/{templateId}");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("/Account/AccessDenied", save.Headers.Location?.OriginalString);
        Assert.Contains("/Account/AccessDenied", archive.Headers.Location?.OriginalString);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var template = await db.MessageTemplates.SingleAsync(t => t.Id == templateId);
        Assert.NotEqual("Hijacked", template.Name);
        Assert.False(template.IsArchived);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.EntityType == nameof(MessageTemplate)));
    }

    [Fact]
    public async Task An_office_manager_archives_a_template_and_it_is_audited()
    {
        var client = await _app.SignInAsRoleAsync(Roles.OfficeManager);
        var templateId = await FirstTemplateIdAsync();

        var response = await client.PostFormAsync($"/Templates/Archive/{templateId}", new Dictionary<string, string>(),
            tokenFrom: "/Templates");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        Assert.True((await db.MessageTemplates.SingleAsync(t => t.Id == templateId)).IsArchived);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.TemplateArchived && a.EntityId == templateId.ToString()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        await _app.CompleteSetupAsync();
        var client = _app.CreateBrowserlessClient();

        var response = await client.GetAsync("/Templates");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Roles.FrontDesk, false)]
    [InlineData(Roles.OfficeManager, true)]
    [InlineData(Roles.Administrator, true)]
    public async Task R23_every_role_views_and_previews_and_only_managers_change(string role, bool canChange)
    {
        var client = await _app.SignInAsRoleAsync(role);
        var templateId = await FirstTemplateIdAsync();

        foreach (var url in new[] { "/Templates", "/Templates/Edit", $"/Templates/Edit/{templateId}", "/Templates/Patients?q=a" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        var preview = await client.PostFormAsync("/Templates/Preview", Fields("x", "Hi"), tokenFrom: "/Templates/Edit");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);

        var changes = new[]
        {
            await client.PostFormAsync("/Templates/Save", Fields($"By {role}", "Hi"), tokenFrom: "/Templates/Edit"),
            await client.PostFormAsync($"/Templates/Archive/{templateId}", new Dictionary<string, string>(), tokenFrom: "/Templates"),
            await client.PostFormAsync($"/Templates/Restore/{templateId}", new Dictionary<string, string>(), tokenFrom: "/Templates"),
        };
        foreach (var response in changes)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(canChange, !response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"));
        }
    }

    private string ExpectedSpanishDay()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(AppointmentStartUtc(), zone);
        return MergeDataFactory.FormatDay(local.DateTime, MergeDataFactory.CultureFor("es"));
    }

    private DateTimeOffset AppointmentStartUtc() => _app.Clock.GetUtcNow().AddDays(2);

    private async Task<int> AddPatientWithAppointmentAsync()
    {
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var now = _app.Clock.GetUtcNow();
        var patient = new Patient
        {
            ChartNumber = "TPL-001",
            FirstName = "Sofía",
            LastName = "Reyes",
            DateOfBirth = new DateOnly(2019, 3, 4),
            Language = "es",
            CreatedUtc = now,
            UpdatedUtc = now,
            Guardians = [new Guardian { FirstName = "Marta", LastName = "Reyes", IsPrimary = true }],
        };
        patient.Appointments.Add(new Appointment
        {
            Provider = new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" },
            StartUtc = AppointmentStartUtc(),
            Location = "Main Street Office",
            AppointmentType = "Well visit",
        });
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    private async Task<int> CountTemplatesAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PmxDbContext>().MessageTemplates.CountAsync();
    }

    private async Task<int> FirstTemplateIdAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PmxDbContext>().MessageTemplates
            .Where(t => t.VariantOfId == null).Select(t => t.Id).FirstAsync();
    }
}
