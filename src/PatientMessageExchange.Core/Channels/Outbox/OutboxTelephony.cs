using System.Text.Json;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>Reading and writing the outbox's texts and calls.</summary>
public static class OutboxTelephony
{
    public const string SmsFolder = "sms";
    public const string CallsFolder = "calls";

    public static async Task WriteAsync(string outboxFolder, string kind, OutboxTelephonyRecord record, CancellationToken ct)
    {
        var folder = Path.Combine(outboxFolder, kind);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{record.MessageId}.json");
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(record), ct);
        File.Move(temporary, path, overwrite: true);
    }

    public static OutboxTelephonyRecord? Find(string outboxFolder, string kind, long messageId)
    {
        var path = Path.Combine(outboxFolder, kind, $"{messageId}.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<OutboxTelephonyRecord>(File.ReadAllText(path)) : null;
    }

    /// <summary>The stored texts or calls, newest first.</summary>
    public static IReadOnlyList<OutboxTelephonyRecord> List(string outboxFolder, string kind)
    {
        var root = new DirectoryInfo(Path.Combine(outboxFolder, kind));
        if (!root.Exists)
        {
            return [];
        }
        return root.EnumerateFiles("*.json")
            .Select(f => JsonSerializer.Deserialize<OutboxTelephonyRecord>(File.ReadAllText(f.FullName)))
            .OfType<OutboxTelephonyRecord>()
            .OrderByDescending(r => r.WrittenUtc).ThenByDescending(r => r.MessageId)
            .ToList();
    }
}
