namespace PatientMessageExchange.Core.Templates;

/// <summary>The values for one recipient, already formatted as text in the recipient's language.</summary>
public sealed class MergeData
{
    private readonly Dictionary<string, Dictionary<string, object>> _roots = new(StringComparer.Ordinal);

    public MergeData Set(string root, string name, string? value)
    {
        if (!_roots.TryGetValue(root, out var fields))
        {
            _roots[root] = fields = new Dictionary<string, object>(StringComparer.Ordinal);
        }
        fields[name] = value ?? "";
        return this;
    }

    /// <summary>A copy whose fields can be set without changing this one.</summary>
    public MergeData Copy()
    {
        var copy = new MergeData();
        foreach (var (root, fields) in _roots)
        {
            copy._roots[root] = new Dictionary<string, object>(fields, StringComparer.Ordinal);
        }
        return copy;
    }

    public IEnumerable<KeyValuePair<string, Dictionary<string, object>>> Roots => _roots;

    public string? Get(string root, string name) =>
        _roots.TryGetValue(root, out var fields) && fields.TryGetValue(name, out var value) ? value as string : null;
}
