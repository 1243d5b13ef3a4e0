namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// A template could not be rendered: it went past a render limit (<see cref="TemplateLimits"/>) or failed at run time.
/// The message says why in words a member of staff can act on; it never holds merge values.
/// </summary>
public sealed class TemplateRenderException(string message) : InvalidOperationException(message);
