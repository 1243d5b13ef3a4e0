using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Email;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>
/// The embedded default: every email becomes a real <c>.eml</c> file (MimeKit) in the outbox folder, so staff can open
/// exactly what would have been sent. Writing the same message again overwrites its file, so a retry is harmless.
/// </summary>
public sealed class OutboxEmailTransport(IOptions<OutboxOptions> outbox, IOptions<EmailOptions> email, TimeProvider clock)
    : IEmailTransport
{
    public async Task<EmailSendResult> SendAsync(OutgoingEmail message, CancellationToken ct)
    {
        var mime = MimeMessageFactory.Create(message, email.Value.FromAddress, message.FromName, email.Value.IdDomain);
        mime.Date = clock.GetUtcNow();
        var folder = Path.Combine(outbox.Value.Folder, "email", clock.GetUtcNow().ToString("yyyy-MM-dd"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{message.MessageId}.eml");
        var temporary = path + ".tmp";
        await mime.WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
        return EmailSendResult.Accepted(mime.MessageId);
    }

    /// <summary>The stored emails, newest first.</summary>
    public static IEnumerable<FileInfo> List(string outboxFolder)
    {
        var root = new DirectoryInfo(Path.Combine(outboxFolder, "email"));
        return root.Exists
            ? root.EnumerateFiles("*.eml", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc)
            : [];
    }
}
