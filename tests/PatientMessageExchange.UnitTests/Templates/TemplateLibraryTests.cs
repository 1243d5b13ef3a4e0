using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.UnitTests.Infrastructure;

namespace PatientMessageExchange.UnitTests.Templates;

[Trait("Database", "Engine")]
public sealed class TemplateLibraryTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private TemplateLibrary Library(PmxDbContext db) =>
        new(db, new TemplateRenderer(), new AuditLog(db, SystemActor.Instance, _database.Clock), _database.Clock);

    private static TemplateDraft Draft(string? sms = "Hi {{ patient.first_name }}", string language = "en", int? variantOf = null,
        MergeScope scope = MergeScope.Personalized, string? subject = null, string? body = null, string? voice = null, int? id = null) =>
        new(id, "Reminder", Need.AppointmentReminder, scope, language, variantOf, new TemplateContent(subject, body, sms, voice));

    private async Task<int> SaveAsync(TemplateDraft draft)
    {
        await using var db = _database.CreateContext();
        var result = await Library(db).SaveAsync(draft);
        Assert.True(result.Succeeded, string.Join("; ", result.PartErrors.Select(e => e.ToString()).Concat(result.FieldErrors.Values)));
        return result.TemplateId!.Value;
    }

    [Fact]
    public async Task Save_refuses_an_unknown_field_with_part_line_and_column_and_writes_nothing()
    {
        await using var db = _database.CreateContext();

        var result = await Library(db).SaveAsync(Draft(sms: "Hello\nDear {{ patient.shoe_size }}"));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.PartErrors);
        Assert.Equal(TemplatePart.Sms, error.Part);
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.Contains("patient.shoe_size", error.Message);
        Assert.False(await db.MessageTemplates.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task Save_refuses_a_syntax_error_in_the_email_body_with_its_position()
    {
        await using var db = _database.CreateContext();

        var result = await Library(db).SaveAsync(Draft(sms: null, subject: "Hi", body: "<p>Hi</p>\n{% if patient.name %}unclosed"));

        var error = Assert.Single(result.PartErrors);
        Assert.Equal(TemplatePart.EmailBody, error.Part);
        Assert.StartsWith("The template can't be read", error.Message);
        Assert.True(error.Line >= 1 && error.Column >= 1);
        Assert.False(await db.MessageTemplates.AnyAsync());
    }

    [Fact]
    public async Task Save_reports_errors_for_every_part_at_once()
    {
        await using var db = _database.CreateContext();

        var result = await Library(db).SaveAsync(Draft(sms: "{{ nope.x }}", subject: "{{ patient.bad }}", body: "ok", voice: "{{ due.item }}"));

        Assert.Equal([TemplatePart.EmailSubject, TemplatePart.Sms, TemplatePart.Voice], result.PartErrors.Select(e => e.Part));
    }

    [Fact]
    public async Task R7_a_voice_script_may_not_say_the_visit_type_or_what_is_due()
    {
        await using var db = _database.CreateContext();

        var result = await Library(db).SaveAsync(Draft(sms: null, voice: "Calling about {{ patient.first_name }}'s {{ appointment.type }}"));

        var error = Assert.Single(result.PartErrors);
        Assert.Equal(TemplatePart.Voice, error.Part);
        Assert.Equal((1, 45), (error.Line, error.Column));
        Assert.Contains("clinical", error.Message);
    }

    [Fact]
    public async Task A_broadcast_may_use_practice_fields_only()
    {
        await using var db = _database.CreateContext();

        var refused = await Library(db).SaveAsync(Draft(scope: MergeScope.Broadcast, sms: "Flu clinic for {{ patient.first_name }}"));
        var saved = await Library(db).SaveAsync(Draft(scope: MergeScope.Broadcast, sms: "Flu clinic at {{ practice.name }}"));

        Assert.Contains("patient-specific", Assert.Single(refused.PartErrors).Message);
        Assert.True(saved.Succeeded);
    }

    [Fact]
    public async Task Save_needs_a_name_and_at_least_one_part()
    {
        await using var db = _database.CreateContext();

        var result = await Library(db).SaveAsync(Draft(sms: "  ") with { Name = " " });

        Assert.Contains("Name", result.FieldErrors.Keys);
        Assert.Contains("Content", result.FieldErrors.Keys);
    }

    [Fact]
    public async Task Creating_and_editing_write_audit_events_naming_the_changed_parts()
    {
        var id = await SaveAsync(Draft());
        _database.Clock.Advance(TimeSpan.FromHours(1));
        await SaveAsync(Draft(id: id, sms: "Hello {{ patient.first_name }}", voice: "This is {{ practice.name }}."));

        await using var db = _database.CreateContext();
        var events = await db.AuditEvents.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.TemplateCreated, AuditActions.TemplateEdited], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(id.ToString(), e.EntityId));
        Assert.Equal("Changed: SmsBody, VoiceScript", events[1].Detail);
        var template = await db.MessageTemplates.SingleAsync();
        Assert.Equal(_database.Clock.GetUtcNow(), template.UpdatedUtc);
        Assert.True(template.CreatedUtc < template.UpdatedUtc);
    }

    [Fact]
    public async Task PickVariant_gives_a_Spanish_speaking_family_the_Spanish_variant()
    {
        var english = await SaveAsync(Draft(sms: "Reminder for {{ patient.first_name }}"));
        var spanish = await SaveAsync(Draft(sms: "Recordatorio para {{ patient.first_name }}", language: "es", variantOf: english));
        await using var db = _database.CreateContext();
        var library = Library(db);

        Assert.Equal(spanish, (await library.PickVariantAsync(english, "es"))!.Id);
        Assert.Equal(spanish, (await library.PickVariantAsync(english, "es-US"))!.Id);
        Assert.Equal(spanish, (await library.PickVariantAsync(spanish, "es"))!.Id);
    }

    [Fact]
    public async Task PickVariant_falls_back_to_the_original_for_other_languages()
    {
        var english = await SaveAsync(Draft());
        var spanish = await SaveAsync(Draft(language: "es", variantOf: english));
        await using var db = _database.CreateContext();
        var library = Library(db);

        Assert.Equal(english, (await library.PickVariantAsync(english, "en"))!.Id);
        Assert.Equal(english, (await library.PickVariantAsync(english, "vi"))!.Id);
        Assert.Equal(english, (await library.PickVariantAsync(spanish, null))!.Id);
        Assert.Null(await library.PickVariantAsync(9999, "es"));
    }

    [Fact]
    public async Task An_archived_variant_is_not_picked()
    {
        var english = await SaveAsync(Draft());
        var spanish = await SaveAsync(Draft(language: "es", variantOf: english));
        await using var db = _database.CreateContext();
        var library = Library(db);

        Assert.True((await library.ArchiveAsync(spanish)).Succeeded);

        Assert.Equal(english, (await library.PickVariantAsync(english, "es"))!.Id);
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.TemplateArchived));
    }

    [Fact]
    public async Task A_second_variant_in_the_same_language_is_refused()
    {
        var english = await SaveAsync(Draft());
        await SaveAsync(Draft(language: "es", variantOf: english));
        await using var db = _database.CreateContext();

        var result = await Library(db).SaveAsync(Draft(language: "es", variantOf: english));

        Assert.Contains("Language", result.FieldErrors.Keys);
    }

    [Fact]
    public async Task A_variant_takes_its_originals_need_and_scope()
    {
        var english = await SaveAsync(Draft());
        var spanish = await SaveAsync(Draft(language: "es", variantOf: english) with { Need = Need.Billing });

        await using var db = _database.CreateContext();
        Assert.Equal(Need.AppointmentReminder, (await db.MessageTemplates.SingleAsync(t => t.Id == spanish)).Need);
    }

    [Fact]
    public async Task List_shows_previously_used_templates_first_and_filters_by_need_scope_and_language()
    {
        var a = await SaveAsync(Draft() with { Name = "A" });
        var b = await SaveAsync(Draft() with { Name = "B" });
        var c = await SaveAsync(Draft() with { Name = "C", Need = Need.Billing });
        await using var db = _database.CreateContext();
        var library = Library(db);
        await library.MarkUsedAsync(c);
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        await library.MarkUsedAsync(b);

        Assert.Equal([b, c, a], (await library.ListAsync(new TemplateQuery())).Select(t => t.Id));
        Assert.Equal([b, a], (await library.ListAsync(new TemplateQuery(Need: Need.AppointmentReminder))).Select(t => t.Id));
        Assert.Empty(await library.ListAsync(new TemplateQuery(Scope: MergeScope.Broadcast)));
        Assert.Empty(await library.ListAsync(new TemplateQuery(Language: "es")));
    }

    [Fact]
    public async Task MarkUsed_on_a_variant_marks_its_original_too()
    {
        var english = await SaveAsync(Draft());
        var spanish = await SaveAsync(Draft(language: "es", variantOf: english));
        await using var db = _database.CreateContext();

        await Library(db).MarkUsedAsync(spanish);

        var used = await db.MessageTemplates.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.LastUsedUtc);
        Assert.Equal(_database.Clock.GetUtcNow(), used[english]);
        Assert.Equal(_database.Clock.GetUtcNow(), used[spanish]);
    }

    [Fact]
    public async Task Archived_templates_are_left_out_of_the_list_unless_asked_for()
    {
        var id = await SaveAsync(Draft());
        await using var db = _database.CreateContext();
        var library = Library(db);

        await library.ArchiveAsync(id);

        Assert.Empty(await library.ListAsync(new TemplateQuery()));
        Assert.Single(await library.ListAsync(new TemplateQuery(IncludeArchived: true)));
    }
}
