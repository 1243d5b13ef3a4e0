using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// The Email Broadcast tab's work: the live estimate, the content rendered once for everyone, and the send itself through
/// the same <see cref="CampaignFactory"/> as every campaign (one transaction with the reservation, then batches).
/// </summary>
public sealed class BroadcastComposer(
    BroadcastListBuilder lists,
    CampaignFactory factory,
    TemplateLibrary library,
    TemplateRenderer renderer,
    MergeDataFactory mergeData,
    PracticeDirectory practice,
    CreditLedger ledger,
    TimeProvider clock,
    ILogger<BroadcastComposer> logger)
{
    public const string ListField = "List";
    public const string TemplateField = "TemplateId";
    public const string SubjectField = "Subject";
    public const string BodyField = "Body";
    public const string ScheduleField = "ScheduledFor";

    public async Task<BroadcastEstimate> EstimateAsync(BroadcastListRequest request, CancellationToken ct = default)
    {
        var list = await lists.BuildAsync(request, ct);
        var balance = await ledger.GetBalance(ct);
        return new BroadcastEstimate(list, list.Recipients.Sum(r => CreditRates.Outbound(r.Mode)), balance.Available);
    }

    /// <summary>Renders the subject and body once, with the practice's fields only: a broadcast knows no patient.</summary>
    public async Task<RenderedBroadcast> RenderAsync(BroadcastContent content, CancellationToken ct = default)
    {
        string? subjectSource = content.Subject;
        string? bodySource = content.HtmlBody;
        string? name = null;
        string? language = null;
        if (content.TemplateId is { } templateId)
        {
            var template = await library.GetAsync(templateId, ct);
            if (template is null || template.IsArchived)
            {
                return RenderedBroadcast.Fail(TemplateField, "That template no longer exists.");
            }
            if (template.Scope != MergeScope.Broadcast)
            {
                return RenderedBroadcast.Fail(TemplateField, "Choose a broadcast template; personalized ones need a patient.");
            }
            (subjectSource, bodySource, name, language) = (template.EmailSubject, template.EmailHtmlBody, template.Name, template.Language);
        }
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(subjectSource))
        {
            errors[content.TemplateId is null ? SubjectField : TemplateField] =
                content.TemplateId is null ? "Write a subject." : "That template has no email subject.";
        }
        if (string.IsNullOrWhiteSpace(bodySource))
        {
            errors[content.TemplateId is null ? BodyField : TemplateField] =
                content.TemplateId is null ? "Write the message." : "That template has no email body.";
        }
        if (errors.Count > 0)
        {
            return new RenderedBroadcast(content.TemplateId, name, language, subjectSource, bodySource, null, null, errors);
        }
        if (subjectSource!.Length > TemplateLimits.EmailSubject)
        {
            errors[SubjectField] = $"The subject is longer than {TemplateLimits.EmailSubject} characters.";
        }
        foreach (var (part, source, field) in new[]
                 {
                     (TemplatePart.EmailSubject, subjectSource, SubjectField),
                     (TemplatePart.EmailBody, bodySource!, BodyField),
                 })
        {
            var partErrors = renderer.Validate(part, source, MergeScope.Broadcast);
            if (partErrors.Count > 0)
            {
                errors[content.TemplateId is null ? field : TemplateField] = string.Join(" ", partErrors.Select(e => e.ToString()));
            }
        }
        if (errors.Count > 0)
        {
            return new RenderedBroadcast(content.TemplateId, name, language, subjectSource, bodySource, null, null, errors);
        }
        var data = mergeData.ForPractice(await practice.GetAsync(ct));
        string subject, body;
        try
        {
            subject = renderer.Render(TemplatePart.EmailSubject, subjectSource, data);
            body = renderer.Render(TemplatePart.EmailBody, bodySource!, data);
        }
        catch (TemplateRenderException e)
        {
            errors[content.TemplateId is null ? BodyField : TemplateField] = e.Message;
            return new RenderedBroadcast(content.TemplateId, name, language, subjectSource, bodySource, null, null, errors);
        }
        return new RenderedBroadcast(content.TemplateId, name, language, subjectSource, bodySource, subject, body, errors);
    }

    public async Task<BroadcastSendResult> SendAsync(BroadcastOrder order, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var profile = await practice.GetAsync(ct);
        if (string.IsNullOrWhiteSpace(profile.PostalAddress))
        {
            errors[ListField] = "Every broadcast shows the practice's postal address; an administrator must add it under Administration → Practice first.";
        }
        if (order.ScheduledForUtc is { } at && SendTimes.Check(at, clock.GetUtcNow()) is { } late)
        {
            errors[ScheduleField] = late;
        }
        var rendered = await RenderAsync(order.Content, ct);
        foreach (var (field, error) in rendered.Errors)
        {
            errors[field] = error;
        }
        var estimate = await EstimateAsync(order.List, ct);
        if (estimate.List.Problems.Count > 0)
        {
            errors[ListField] = string.Join(" ", estimate.List.Problems);
        }
        else if (estimate.List.Count == 0 && !errors.ContainsKey(ListField))
        {
            errors[ListField] = "No address is left to send to.";
        }
        if (errors.Count > 0)
        {
            return new BroadcastSendResult(null, errors, estimate);
        }

        // One subject and one body string shared by every message: rendered once, held once in memory.
        var subject = rendered.Subject!;
        var body = rendered.HtmlBody!;
        var messages = new List<PlannedMessage>(estimate.List.Count);
        foreach (var r in estimate.List.Recipients)
        {
            messages.Add(new PlannedMessage(r.PatientId, r.ContactPointId, null, r.Mode, r.Address, subject, body,
                rendered.Language, 0, CreditRates.Outbound(r.Mode)));
        }
        var skips = estimate.List.Removed
            .Select(r => new PlannedSkip(r.PatientId, r.Address, null, Shorten($"{Describe(r.Reason)}: {r.Explanation}", 500)))
            .ToList();
        var name = Shorten(string.IsNullOrWhiteSpace(order.Name) ? rendered.TemplateName ?? subject : order.Name.Trim(), 200);
        var draft = new CampaignDraft(CampaignKind.Broadcast, name, Need.GeneralAnnouncement, rendered.TemplateId,
            rendered.SubjectTemplate, rendered.BodyTemplate, null, null, estimate.List.Description, order.ScheduledForUtc,
            messages, skips);
        var created = await factory.CreateAsync(draft, ct);
        if (!created.Succeeded)
        {
            return new BroadcastSendResult(null, new Dictionary<string, string> { [ListField] = created.Refusal! },
                estimate with { Available = created.AvailableCredits });
        }
        if (rendered.TemplateId is { } templateId)
        {
            await library.MarkUsedAsync(templateId, ct);
        }
        logger.LogInformation("Broadcast {CampaignId} created for {Count} addresses, {Removed} removed",
            created.CampaignId, messages.Count, skips.Count);
        return new BroadcastSendResult(created.CampaignId, errors, estimate);
    }

    public static string Describe(RemovalReason reason) => reason switch
    {
        RemovalReason.InvalidAddress => "Invalid address",
        RemovalReason.NoMailServer => "No mail server",
        RemovalReason.Unsubscribed => "Unsubscribed",
        RemovalReason.HardBounced => "Hard-bounced",
        RemovalReason.Complained => "Complained",
        RemovalReason.OptedOut => "Opted out",
        _ => "Suppressed",
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
