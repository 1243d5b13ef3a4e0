namespace PatientMessageExchange.Core.Templates;

/// <summary>One whitelisted merge field, e.g. <c>patient.first_name</c>, with the help text the composer shows.</summary>
public sealed record MergeField(string Root, string Name, string Description)
{
    public string Path => $"{Root}.{Name}";
}
