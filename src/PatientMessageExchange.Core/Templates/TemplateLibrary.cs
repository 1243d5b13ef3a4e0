using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// The practice's message templates: listing them with the previously used first, saving them only when every part is
/// valid Liquid over whitelisted fields, archiving them, and picking the variant in a family's language.
/// </summary>
public class TemplateLibrary(PmxDbContext db, TemplateRenderer renderer, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(TemplateQuery query, CancellationToken ct = default)
    {
        var templates = db.MessageTemplates.AsNoTracking();
        if (!query.IncludeArchived)
        {
            templates = templates.Where(t => !t.IsArchived);
        }
        if (query.Need is { } need)
        {
            templates = templates.Where(t => t.Need == need);
        }
        if (query.Scope is { } scope)
        {
            templates = templates.Where(t => t.Scope == scope);
        }
        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            var language = TemplateLanguages.Normalize(query.Language);
            templates = templates.Where(t => t.Language == language);
        }
        return await templates
            .OrderByDescending(t => t.LastUsedUtc != null)
            .ThenByDescending(t => t.LastUsedUtc)
            .ThenBy(t => t.Name)
            .ThenBy(t => t.Language)
            .ThenBy(t => t.Id)
            .ToListAsync(ct);
    }

    public async Task<MessageTemplate?> GetAsync(int id, CancellationToken ct = default) =>
        await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Templates that can be translated: live originals.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> ListOriginalsAsync(CancellationToken ct = default) =>
        await db.MessageTemplates.AsNoTracking()
            .Where(t => t.VariantOfId == null && !t.IsArchived)
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .ToListAsync(ct);

    /// <summary>The original of <paramref name="templateId"/>'s family and all its translations, in one query.</summary>
    public Task<TemplateFamily?> GetFamilyAsync(int templateId, CancellationToken ct = default) =>
        LoadFamilyAsync(db, templateId, ct);

    /// <summary>
    /// <see cref="GetFamilyAsync"/> on a context the caller owns, for work that runs outside a request scope (channel
    /// fallback runs inside parallel dispatch, where a scoped context can't be shared).
    /// </summary>
    public static async Task<TemplateFamily?> LoadFamilyAsync(PmxDbContext db, int templateId, CancellationToken ct = default)
    {
        var originalId = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Id == templateId)
            .Select(t => (int?)(t.VariantOfId ?? t.Id))
            .FirstOrDefaultAsync(ct);
        if (originalId is null)
        {
            return null;
        }
        var members = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Id == originalId || t.VariantOfId == originalId)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        var original = members.First(t => t.Id == originalId);
        return new TemplateFamily(original, members.Where(t => t.Id != originalId).ToList());
    }

    /// <summary>
    /// The template to send to someone who reads <paramref name="language"/>: the family's variant in that language when
    /// one exists (a Spanish-speaking family gets the Spanish variant), otherwise the original. Null when the id is unknown.
    /// </summary>
    public async Task<MessageTemplate?> PickVariantAsync(int templateId, string? language, CancellationToken ct = default) =>
        (await GetFamilyAsync(templateId, ct))?.For(language);

    /// <summary>Creates or changes a template. Nothing is written unless every part validates.</summary>
    public async Task<TemplateSaveResult> SaveAsync(TemplateDraft draft, CancellationToken ct = default)
    {
        MessageTemplate? existing = null;
        if (draft.Id is { } id)
        {
            existing = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
            if (existing is null)
            {
                return TemplateSaveResult.NotFound();
            }
        }
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = draft.Name?.Trim() ?? "";
        var language = TemplateLanguages.Normalize(draft.Language);
        var need = draft.Need;
        var scope = draft.Scope;

        if (name.Length == 0)
        {
            fieldErrors[nameof(TemplateDraft.Name)] = "Give the template a name.";
        }
        else if (name.Length > TemplateLimits.Name)
        {
            fieldErrors[nameof(TemplateDraft.Name)] = $"The name is longer than {TemplateLimits.Name} characters.";
        }
        if (!Enum.IsDefined(need))
        {
            fieldErrors[nameof(TemplateDraft.Need)] = "Choose a need from the list.";
        }
        if (!Enum.IsDefined(scope))
        {
            fieldErrors[nameof(TemplateDraft.Scope)] = "Choose personalized or broadcast.";
        }
        if (!TemplateLanguages.IsKnown(language))
        {
            fieldErrors[nameof(TemplateDraft.Language)] = "Choose a language from the list.";
        }

        if (draft.VariantOfId is { } originalId)
        {
            var original = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == originalId, ct);
            if (original is null || original.Id == draft.Id)
            {
                fieldErrors[nameof(TemplateDraft.VariantOfId)] = "Choose the original this template translates.";
            }
            else if (original.VariantOfId is not null)
            {
                fieldErrors[nameof(TemplateDraft.VariantOfId)] =
                    "That template is itself a translation; choose its original.";
            }
            else
            {
                // A translation says the same thing to the same audience, so it shares the original's need and scope.
                need = original.Need;
                scope = original.Scope;
                var taken = string.Equals(original.Language, language, StringComparison.OrdinalIgnoreCase) ||
                            await db.MessageTemplates.AnyAsync(t => t.VariantOfId == originalId && t.Language == language &&
                                                                   !t.IsArchived && t.Id != (draft.Id ?? 0), ct);
                if (taken)
                {
                    fieldErrors[nameof(TemplateDraft.Language)] =
                        $"\"{original.Name}\" already has a {TemplateLanguages.DisplayName(language)} version.";
                }
            }
            if (existing is not null && await db.MessageTemplates.AnyAsync(t => t.VariantOfId == existing.Id, ct))
            {
                fieldErrors[nameof(TemplateDraft.VariantOfId)] = "This template has translations of its own, so it stays an original.";
            }
        }
        else if (existing is not null && existing.Scope != scope &&
                 await db.MessageTemplates.AnyAsync(t => t.VariantOfId == existing.Id, ct))
        {
            fieldErrors[nameof(TemplateDraft.Scope)] = "This template has translations; its scope can't change.";
        }

        var content = Trimmed(draft.Content);
        CheckParts(content, fieldErrors);
        var partErrors = TemplateContent.Parts
            .SelectMany(part => renderer.Validate(part, content.Get(part), Enum.IsDefined(scope) ? scope : MergeScope.Broadcast))
            .ToList();
        if (fieldErrors.Count > 0 || partErrors.Count > 0)
        {
            return new TemplateSaveResult(null, partErrors, fieldErrors);
        }

        var now = clock.GetUtcNow();
        var template = existing ?? new MessageTemplate { Name = name, CreatedUtc = now };
        var changed = existing is null ? [] : Changes(existing, name, need, scope, language, draft.VariantOfId, content);
        template.Name = name;
        template.Need = need;
        template.Scope = scope;
        template.Language = language;
        template.VariantOfId = draft.VariantOfId;
        template.EmailSubject = content.EmailSubject;
        template.EmailHtmlBody = content.EmailHtmlBody;
        template.SmsBody = content.SmsBody;
        template.VoiceScript = content.VoiceScript;
        template.UpdatedUtc = now;

        // The template, its translations' need and the audit event commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (existing is null)
        {
            db.MessageTemplates.Add(template);
            await db.SaveChangesAsync(ct);
            audit.Add(AuditActions.TemplateCreated, nameof(MessageTemplate), template.Id.ToString(), $"{need} {scope} {language}");
        }
        else
        {
            if (draft.VariantOfId is null && changed.Contains(nameof(MessageTemplate.Need)))
            {
                await db.MessageTemplates.Where(t => t.VariantOfId == template.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Need, need), ct);
            }
            audit.Add(AuditActions.TemplateEdited, nameof(MessageTemplate), template.Id.ToString(),
                changed.Count == 0 ? "No changes" : "Changed: " + string.Join(", ", changed));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TemplateSaveResult.Saved(template.Id);
    }

    /// <summary>
    /// Checks a message written for one send, not saved as a template: the same part and merge-field rules as
    /// <see cref="SaveAsync"/>, so an unknown merge field is refused with its line and column.
    /// </summary>
    public WrittenMessageCheck CheckWritten(TemplateContent content, MergeScope scope)
    {
        var cleaned = Trimmed(content);
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckParts(cleaned, fieldErrors);
        var partErrors = TemplateContent.Parts.SelectMany(part => renderer.Validate(part, cleaned.Get(part), scope)).ToList();
        return new WrittenMessageCheck(cleaned, partErrors, fieldErrors);
    }

    public Task<OperationResult> ArchiveAsync(int id, CancellationToken ct = default) =>
        SetArchivedAsync(id, true, ct);

    public Task<OperationResult> RestoreAsync(int id, CancellationToken ct = default) =>
        SetArchivedAsync(id, false, ct);

    /// <summary>
    /// Records that a campaign used the template, so the composer lists it among "previously used messages". A
    /// translation marks its original too, because staff choose the family, not the language.
    /// </summary>
    public async Task MarkUsedAsync(int templateId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var originalId = await db.MessageTemplates.Where(t => t.Id == templateId)
            .Select(t => t.VariantOfId ?? t.Id).FirstOrDefaultAsync(ct);
        await db.MessageTemplates.Where(t => t.Id == templateId || t.Id == originalId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), ct);
    }

    private async Task<OperationResult> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return OperationResult.Fail("The template no longer exists.");
        }
        if (!archived && template.VariantOfId is { } originalId &&
            await db.MessageTemplates.AnyAsync(t => t.VariantOfId == originalId && t.Language == template.Language &&
                                                   !t.IsArchived && t.Id != id, ct))
        {
            return OperationResult.Fail($"Its original already has a live {TemplateLanguages.DisplayName(template.Language)} version.");
        }
        if (template.IsArchived == archived)
        {
            return OperationResult.Ok;
        }
        template.IsArchived = archived;
        template.UpdatedUtc = clock.GetUtcNow();
        audit.Add(archived ? AuditActions.TemplateArchived : AuditActions.TemplateRestored, nameof(MessageTemplate), id.ToString());
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    private static TemplateContent Trimmed(TemplateContent content) => new(
        Clean(content.EmailSubject), Clean(content.EmailHtmlBody), Clean(content.SmsBody), Clean(content.VoiceScript));

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Browsers post CRLF; store LF so that line numbers and lengths match what the editor showed.
        return text.Replace("\r\n", "\n").Trim();
    }

    private static void CheckParts(TemplateContent content, Dictionary<string, string> errors)
    {
        if (content.IsEmpty)
        {
            errors[nameof(TemplateDraft.Content)] = "Write at least one part: an email, a text message or a voice script.";
            return;
        }
        if (content.EmailSubject is null && content.EmailHtmlBody is not null)
        {
            errors[nameof(TemplateContent.EmailSubject)] = "An email needs a subject.";
        }
        if (content.EmailSubject is not null && content.EmailHtmlBody is null)
        {
            errors[nameof(TemplateContent.EmailHtmlBody)] = "An email needs a body.";
        }
        TooLong(content.EmailSubject, TemplateLimits.EmailSubject, nameof(TemplateContent.EmailSubject), errors);
        TooLong(content.EmailHtmlBody, TemplateLimits.EmailHtmlBody, nameof(TemplateContent.EmailHtmlBody), errors);
        TooLong(content.SmsBody, TemplateLimits.SmsBody, nameof(TemplateContent.SmsBody), errors);
        TooLong(content.VoiceScript, TemplateLimits.VoiceScript, nameof(TemplateContent.VoiceScript), errors);
    }

    private static void TooLong(string? text, int limit, string key, Dictionary<string, string> errors)
    {
        if (text is not null && text.Length > limit)
        {
            errors[key] = $"This part is {text.Length:N0} characters; the limit is {limit:N0}.";
        }
    }

    private static List<string> Changes(MessageTemplate t, string name, Preferences.Need need, MergeScope scope, string language,
        int? variantOfId, TemplateContent content)
    {
        var changed = new List<string>();
        void Check(bool differs, string field)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }
        Check(t.Name != name, nameof(MessageTemplate.Name));
        Check(t.Need != need, nameof(MessageTemplate.Need));
        Check(t.Scope != scope, nameof(MessageTemplate.Scope));
        Check(t.Language != language, nameof(MessageTemplate.Language));
        Check(t.VariantOfId != variantOfId, nameof(MessageTemplate.VariantOfId));
        Check(t.EmailSubject != content.EmailSubject, nameof(MessageTemplate.EmailSubject));
        Check(t.EmailHtmlBody != content.EmailHtmlBody, nameof(MessageTemplate.EmailHtmlBody));
        Check(t.SmsBody != content.SmsBody, nameof(MessageTemplate.SmsBody));
        Check(t.VoiceScript != content.VoiceScript, nameof(MessageTemplate.VoiceScript));
        return changed;
    }
}
