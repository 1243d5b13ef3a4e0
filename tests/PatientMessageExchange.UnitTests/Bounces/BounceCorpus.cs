namespace PatientMessageExchange.UnitTests.Bounces;

/// <summary>
/// The shared corpus of real bounces (sisimai's set-of-emails, half of it), kept beside the checkout in
/// <c>shared/bounce-corpus</c>: found by walking up from the test binaries through the repository root and its
/// parents, so it works from a worktree as from the main checkout. Never copied into the project.
/// </summary>
public static class BounceCorpus
{
    public static string Folder { get; } = Find();

    /// <summary>The .eml files of one folder (dev or dev-not-bounces), by name without the extension.</summary>
    public static IReadOnlyList<(string Name, byte[] Raw)> Read(string folder) =>
        Directory.GetFiles(Path.Combine(Folder, folder), "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllBytes(f)))
            .ToList();

    /// <summary>The message as an IMAP store would hold it: some files start with an mbox "From " line.</summary>
    public static MemoryStream Open(byte[] raw)
    {
        var start = raw.Length > 5 && raw.AsSpan(0, 5).SequenceEqual("From "u8) ? Array.IndexOf(raw, (byte)'\n') + 1 : 0;
        return new MemoryStream(raw, start, raw.Length - start, writable: false);
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "bounce-corpus");
            if (Directory.Exists(Path.Combine(candidate, "dev")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "The bounce corpus was not found: shared/bounce-corpus beside the checkout (or in a folder above it).");
    }
}
