namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>A column the importer understands, with the header spellings other systems use for it.</summary>
public sealed record ImportField(string Name, bool Required, params string[] Aliases)
{
    public IEnumerable<string> Spellings => Aliases.Prepend(Name).Select(ImportColumnMap.Canonical);
}
