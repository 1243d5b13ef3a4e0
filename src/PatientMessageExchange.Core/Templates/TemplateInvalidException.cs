namespace PatientMessageExchange.Core.Templates;

public sealed class TemplateInvalidException(string message) : InvalidOperationException(message);
