using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Patients;

/// <summary>
/// Keeps an uploaded file between its preview and the commit, under an unguessable token, in the data folder.
/// Files older than a day are removed whenever a new one arrives.
/// </summary>
public sealed class ImportStaging(DataFolder dataFolder, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private readonly string _folder = dataFolder.Subfolder("imports");

    public async Task<string> StageAsync(Stream content, CancellationToken ct)
    {
        RemoveStale();
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await using var file = File.Create(PathFor(token));
        await content.CopyToAsync(file, ct);
        return token;
    }

    public async Task<byte[]?> ReadAsync(string? token, CancellationToken ct)
    {
        if (token is null || token.Length != 32 || !token.All(Uri.IsHexDigit))
        {
            return null;
        }
        var path = PathFor(token);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public void Discard(string token)
    {
        if (token.Length == 32 && token.All(Uri.IsHexDigit))
        {
            File.Delete(PathFor(token));
        }
    }

    private string PathFor(string token) => Path.Combine(_folder, token + ".csv");

    private void RemoveStale()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.csv"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                File.Delete(file);
            }
        }
    }
}
