using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// Reads the bounce mailbox over IMAP, by UID. A report is moved to the Processed (or Unclassified) folder only after
/// its bounce rows have committed, so a crash in between leaves it to be read again, which records nothing twice
/// (R9, R10). Mail that is not a bounce is never moved, flagged or deleted.
/// </summary>
public sealed class ImapBouncePoller(IOptions<BounceMailboxOptions> options, BounceProcessor processor,
    ILogger<ImapBouncePoller> logger)
{
    /// <summary>A cheap server-side filter; each candidate is checked again once read (<see cref="BounceDetector"/>).</summary>
    private static readonly SearchQuery Candidates = SearchQuery.HeaderContains("Content-Type", "report")
        .Or(SearchQuery.FromContains("mailer-daemon"))
        .Or(SearchQuery.FromContains("postmaster"));

    public async Task<BouncePollResult> PollAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        using var client = new ImapClient { Timeout = settings.TimeoutSeconds * 1000 };
        await ConnectAsync(client, settings, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
        var processedFolder = await GetOrCreateFolderAsync(client, settings.ProcessedFolder, ct);
        var unclassifiedFolder = await GetOrCreateFolderAsync(client, settings.UnclassifiedFolder, ct);
        var folder = await client.GetFolderAsync(settings.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);

        // Only the headers of the candidates are fetched to decide; other mail is never downloaded or counted
        // against the batch, so a pile of it can't keep the bounces behind it waiting.
        var candidates = await folder.SearchAsync(Candidates, ct);
        var summaries = candidates.Count == 0
            ? []
            : await folder.FetchAsync(candidates, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Headers), ct);
        var bounces = summaries.Where(s => s.Headers is not null && BounceDetector.IsBounce(s.Headers)).ToList();
        var notBounces = summaries.Count - bounces.Count;
        int processed = 0, unclassified = 0, failed = 0;
        var outcomes = new List<BounceOutcome>();
        foreach (var uid in bounces.Select(s => s.UniqueId).OrderBy(u => u.Id).Take(settings.BatchSize))
        {
            var raw = await ReadRawAsync(folder, uid, ct);
            var report = DsnParser.Parse(raw);
            BounceProcessingResult result;
            try
            {
                result = await processor.ProcessAsync(report, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Not committed, so not moved: the next run reads it again.
                failed++;
                logger.LogWarning("Bounce report UID {Uid} could not be recorded ({Error}); it stays in the mailbox",
                    uid.Id, ex.GetType().Name);
                continue;
            }
            if (report.Problem is not null)
            {
                logger.LogInformation("Bounce report UID {Uid} is unclassified: {Problem}", uid.Id, report.Problem);
            }
            var toUnclassified = result.HasUnclassified;
            await folder.MoveToAsync(uid, toUnclassified ? unclassifiedFolder : processedFolder, ct);
            if (toUnclassified)
            {
                unclassified++;
            }
            else
            {
                processed++;
            }
            outcomes.AddRange(result.Bounces);
        }
        await client.DisconnectAsync(true, ct);

        logger.LogInformation(
            "Bounce mailbox polled: {Processed} processed, {Unclassified} unclassified, {Failed} failed, {NotBounces} other candidates left alone",
            processed, unclassified, failed, notBounces);
        return new BouncePollResult(processed, unclassified, failed, notBounces, outcomes);
    }

    private static async Task<byte[]> ReadRawAsync(IMailFolder folder, UniqueId uid, CancellationToken ct)
    {
        // BODY.PEEK: reading does not set \Seen, so mail we leave is left exactly as it was.
        await using var stream = await folder.GetStreamAsync(uid, ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    private static async Task ConnectAsync(ImapClient client, BounceMailboxOptions settings, CancellationToken ct)
    {
        // MailKit never sets NoDelay; without it Nagle's algorithm stalls each small command round trip.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.Host, settings.Port, ct);
            await client.ConnectAsync(socket, settings.Host, settings.Port, settings.Security switch
            {
                MailboxSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
                MailboxSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
                _ => SecureSocketOptions.None,
            }, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> GetOrCreateFolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, true, ct)
                ?? throw new InvalidOperationException($"The IMAP server did not create the folder {name}.");
        }
    }
}
