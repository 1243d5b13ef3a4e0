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
    /// <summary>
    /// A cheap server-side filter, wide on purpose: reports, daemon senders, automatic mail, and bounce subjects. Each
    /// candidate's headers are checked (<see cref="BounceDetector.IsCandidate"/>), and its whole text once read
    /// (<see cref="BounceDetector.IsBounce(MimeMessage)"/>); what fails either check is left exactly as it is.
    /// </summary>
    private static readonly SearchQuery Candidates = new SearchQuery[]
        {
            SearchQuery.HeaderContains("Content-Type", "report"),
            SearchQuery.FromContains("mailer-daemon"),
            SearchQuery.FromContains("postmaster"),
            SearchQuery.FromContains("mail delivery"),
            SearchQuery.FromContains("<>"),
            SearchQuery.FromContains("sns.amazonaws.com"),
            SearchQuery.HeaderContains("Auto-Submitted", "auto-"),
            SearchQuery.HeaderContains("X-Failed-Recipients", "@"),
            SearchQuery.HeaderContains("Return-Path", "<>"),
            SearchQuery.SubjectContains("undeliver"),
            SearchQuery.SubjectContains("deliver"),
            SearchQuery.SubjectContains("failure"),
            SearchQuery.SubjectContains("returned mail"),
            SearchQuery.SubjectContains("complaint"),
        }
        .Aggregate((all, next) => all.Or(next));

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
        var likely = summaries.Where(s => s.Headers is not null && BounceDetector.IsCandidate(s.Headers)).ToList();
        var notBounces = summaries.Count - likely.Count;
        int processed = 0, unclassified = 0, failed = 0, taken = 0;
        var outcomes = new List<BounceOutcome>();
        foreach (var summary in likely.OrderBy(s => s.UniqueId.Id))
        {
            if (taken >= settings.BatchSize)
            {
                break;
            }
            var uid = summary.UniqueId;
            var raw = await ReadRawAsync(folder, uid, ct);
            if (!BounceDetector.IsBounce(summary.Headers!) && !IsBounce(raw))
            {
                // Only the whole text could tell (a forwarded message, a notice with an unusual subject): not ours.
                notBounces++;
                continue;
            }
            taken++;
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

    private static bool IsBounce(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            return BounceDetector.IsBounce(MimeMessage.Load(stream));
        }
        catch (FormatException)
        {
            return false;
        }
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
