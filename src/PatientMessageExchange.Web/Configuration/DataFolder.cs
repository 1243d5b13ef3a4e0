namespace PatientMessageExchange.Web.Configuration;

/// <summary>The folder that holds the SQLite file, logs, the outbox and staged uploads.</summary>
public sealed class DataFolder(string path)
{
    public string Path { get; } = path;

    public string Combine(params string[] parts)
    {
        var full = System.IO.Path.Combine([Path, .. parts]);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        return full;
    }

    public string Subfolder(string name)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(full);
        return full;
    }
}
