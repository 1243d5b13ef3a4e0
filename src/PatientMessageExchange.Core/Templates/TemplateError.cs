namespace PatientMessageExchange.Core.Templates;

/// <summary>Why a template can't be saved, and where: 1-based line and column in that part's text.</summary>
public sealed record TemplateError(TemplatePart Part, int Line, int Column, string Message)
{
    public override string ToString() => $"Line {Line}, column {Column}: {Message}";
}
