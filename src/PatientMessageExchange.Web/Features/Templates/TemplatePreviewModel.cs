using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Web.Features.Templates;

/// <summary>What the preview panel shows: the rendering, or why there is none.</summary>
public sealed record TemplatePreviewModel(TemplatePreview? Preview, int? PatientId, string? Problem);
