using MailKit;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Bounces;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Bounces;

/// <summary>The poller against a real dovecot, each test with an empty mailbox and a database of its own.</summary>
public sealed class ImapBouncePollerTests : IClassFixture<DovecotServer>, IDisposable
{
    private readonly DovecotServer _dovecot;
    private readonly SqliteFileDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    public ImapBouncePollerTests(DovecotServer dovecot) => _dovecot = dovecot;

    public void Dispose() => _database.Dispose();

    [Trait("Check", "R10")]
    [Fact]
    [Trait("Check", "R10")]
    public async Task R10_bounces_are_recorded_once_and_moved_and_other_mail_is_untouched()
    {
        var mailbox = _dovecot.NextMailbox();
        await SeedPatientAsync("ann.parent@example.org");
        await AppendAsync(mailbox,
            Fixture("postfix-hard.eml"), Fixture("exim-multi.eml"), Fixture("complaint-arf.eml"),
            Fixture("postfix-delayed.eml"), Fixture("daemon-plain.eml"), Fixture("garbage-report.eml"));
        await AppendAsync(mailbox, MessageFlags.Flagged, Fixture("not-a-bounce.eml"), ReadReceipt(), PostmasterQuestion());
        var before = await SnapshotAsync(mailbox, "INBOX");

        var result = await Poller(mailbox).PollAsync();

        Assert.Equal((5, 1, 0), (result.Processed, result.Unclassified, result.Failed));
        Assert.Equal(before.Skip(6), await SnapshotAsync(mailbox, "INBOX"));
        Assert.Equal(
            ["20261119140211.4Q1xYz2kLmz9sTb@mail.pmx-test.example", "E1tABCD-0001xY-2Z@mx.exim-host.example",
             "fbl-20261119-0042@feedback.mailbox-provider.example", "20261119180211.5R2aBc3dEfg@mail.pmx-test.example",
             "nondsn-0001@old-isp.example"],
            (await SnapshotAsync(mailbox, "Processed")).Select(m => m.MessageId));
        Assert.Equal(["garbage-0001@broken.example"],
            (await SnapshotAsync(mailbox, "Unclassified")).Select(m => m.MessageId));
        await using (var db = _database.CreateContext())
        {
            var rows = await db.Bounces.OrderBy(b => b.Id).Select(b => new { b.Kind, b.Recipient, b.MessageId }).ToListAsync();
            Assert.Equal(
                [(BounceKind.Hard, "ann.parent@example.org", 1001L), (BounceKind.Hard, "carol@example.com", 1004L),
                 (BounceKind.Soft, "dave@example.com", 1004L), (BounceKind.Complaint, "erin.parent@example.com", 1006L)],
                rows.Where(r => r.Kind != BounceKind.Unclassified && r.MessageId != null).Select(r => (r.Kind, r.Recipient, r.MessageId!.Value)));
            // The plain-text notice names no message of ours; its recipient is read all the same.
            Assert.Contains(rows, r => r is { Kind: BounceKind.Hard, Recipient: "jack@old-isp.example", MessageId: null });
            Assert.Equal(1, rows.Count(r => r.Kind == BounceKind.Unclassified));
            Assert.Equal(ContactPointStatus.Bounced, (await db.ContactPoints.SingleAsync()).Status);
        }
        Assert.Contains(result.Bounces, b => b is { MessageId: 1001, Kind: BounceKind.Hard, AlreadyRecorded: false });

        var again = await Poller(mailbox).PollAsync();

        Assert.Equal((0, 0, 0), (again.Processed, again.Unclassified, again.Failed));
        Assert.Equal(before.Skip(6), await SnapshotAsync(mailbox, "INBOX"));
        Assert.Equal(5, (await SnapshotAsync(mailbox, "Processed")).Count);
        await using var check = _database.CreateContext();
        Assert.Equal(6, await check.Bounces.CountAsync());
    }

    [Trait("Check", "R9")]
    [Trait("Check", "R10")]
    [Fact]
    [Trait("Check", "R9")]
    [Trait("Check", "R10")]
    public async Task R9_R10_a_report_still_in_the_inbox_after_its_commit_is_recorded_once()
    {
        // The crash this stands for: the row committed, then the process died before the move.
        var mailbox = _dovecot.NextMailbox();
        await AppendAsync(mailbox, Fixture("postfix-hard.eml"));
        await Poller(mailbox).PollAsync();
        await AppendAsync(mailbox, Fixture("postfix-hard.eml"));

        var result = await Poller(mailbox).PollAsync();

        Assert.Equal(1, result.Processed);
        Assert.True(Assert.Single(result.Bounces).AlreadyRecorded);
        Assert.Empty(await SnapshotAsync(mailbox, "INBOX"));
        Assert.Equal(2, (await SnapshotAsync(mailbox, "Processed")).Count);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Bounces.CountAsync());
    }

    [Trait("Check", "R10")]
    [Fact]
    [Trait("Check", "R10")]
    public async Task R10_a_report_whose_rows_fail_to_commit_stays_in_the_inbox()
    {
        var mailbox = _dovecot.NextMailbox();
        await AppendAsync(mailbox, Fixture("postfix-hard.eml"), Fixture("daemon-plain.eml"));
        var before = await SnapshotAsync(mailbox, "INBOX");

        var failed = await Poller(mailbox, _database.CreateContext(new FailingCommitInterceptor())).PollAsync();

        Assert.Equal((0, 0, 2), (failed.Processed, failed.Unclassified, failed.Failed));
        Assert.Equal(before, await SnapshotAsync(mailbox, "INBOX"));
        Assert.Empty(await SnapshotAsync(mailbox, "Processed"));
        Assert.Empty(await SnapshotAsync(mailbox, "Unclassified"));
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(0, await db.Bounces.CountAsync());
        }

        var recovered = await Poller(mailbox).PollAsync();

        Assert.Equal((2, 0, 0), (recovered.Processed, recovered.Unclassified, recovered.Failed));
        Assert.Empty(await SnapshotAsync(mailbox, "INBOX"));
    }

    [Fact]
    public async Task The_batch_size_limits_one_run_and_the_next_run_takes_the_rest()
    {
        var mailbox = _dovecot.NextMailbox();
        mailbox.BatchSize = 2;
        // Other mail that matches the server-side search comes first; it must not use up the batch.
        await AppendAsync(mailbox, ReadReceipt(), PostmasterQuestion(), ReadReceipt());
        await AppendAsync(mailbox, Fixture("postfix-hard.eml"), Fixture("gmail-hard.eml"), Fixture("exchange-hard.eml"));

        var first = await Poller(mailbox).PollAsync();
        var second = await Poller(mailbox).PollAsync();

        Assert.Equal((2, 1), (first.Processed, second.Processed));
        Assert.Equal(3, first.NotBounces);
        Assert.Equal(["receipt-0001@example.org", "postmaster-0001@example.net", "receipt-0001@example.org"],
            (await SnapshotAsync(mailbox, "INBOX")).Select(m => m.MessageId));
    }

    [Fact]
    [Trait("Check", "R10")]
    public async Task R10_real_bounces_are_each_read_once_and_other_mail_is_left_untouched()
    {
        var mailbox = _dovecot.NextMailbox();
        mailbox.BatchSize = 1000;
        var expected = PatientMessageExchange.UnitTests.Bounces.BounceCorpusExpectations.Outcomes;
        // Every fifth file of the dev corpus, the vacation replies and the ordinary mail: about seventy messages.
        var sample = PatientMessageExchange.UnitTests.Bounces.BounceCorpus.Read("dev")
            .Where((file, i) => i % 5 == 0 || expected[file.Name] == "not-bounce")
            .Concat(PatientMessageExchange.UnitTests.Bounces.BounceCorpus.Read("dev-not-bounces"))
            // Two anonymised corpus files share a Message-ID, which R9 rightly takes for one report read twice.
            .DistinctBy(file => DsnParser.Parse(file.Raw).ReportKey)
            .ToList();
        using (var client = await _dovecot.ConnectAsync(mailbox))
        {
            foreach (var (name, raw) in sample)
            {
                var flags = expected[name] == "not-bounce" ? MessageFlags.Flagged : MessageFlags.None;
                await client.Inbox.AppendAsync(new AppendRequest(Labelled(name, raw), flags));
            }
            await client.DisconnectAsync(true);
        }
        string[] Files(Func<string, bool> outcome) => sample.Select(f => f.Name).Where(n => outcome(expected[n])).Order().ToArray();
        var others = await FilesInAsync(mailbox, "INBOX");

        var result = await Poller(mailbox).PollAsync();

        Assert.Equal(0, result.Failed);
        Assert.Equal(Files(o => o == "not-bounce"), (await FilesInAsync(mailbox, "INBOX")).Select(f => f.Name).Order());
        Assert.Equal(others.Where(f => expected[f.Name] == "not-bounce"), await FilesInAsync(mailbox, "INBOX"));
        Assert.Equal(Files(o => o != "not-bounce" && o != "review"), (await FilesInAsync(mailbox, "Processed")).Select(f => f.Name).Order());
        Assert.Equal(Files(o => o == "review"), (await FilesInAsync(mailbox, "Unclassified")).Select(f => f.Name).Order());
        var expectedRows = sample.Select(f => expected[f.Name])
            .Where(o => o is not ("not-bounce" or "delay"))
            .SelectMany(o => o == "review" ? ["unclassified"] : o.Split(", ").Select(r => r.Split(' ')[0]))
            .Order().ToList();
        List<string> rows;
        await using (var db = _database.CreateContext())
        {
            rows = (await db.Bounces.Select(b => b.Kind).ToListAsync()).Select(k => k.ToString().ToLowerInvariant()).Order().ToList();
        }
        Assert.Equal(expectedRows, rows);

        var again = await Poller(mailbox).PollAsync();

        Assert.Equal((0, 0, 0), (again.Processed, again.Unclassified, again.Failed));
        await using var check = _database.CreateContext();
        Assert.Equal(rows.Count, await check.Bounces.CountAsync());
        Assert.Equal(sample.Count, (await FilesInAsync(mailbox, "INBOX")).Count + (await FilesInAsync(mailbox, "Processed")).Count
                                   + (await FilesInAsync(mailbox, "Unclassified")).Count);
    }

    /// <summary>A corpus file as an IMAP store holds it (no mbox "From " line), with a header naming the file.</summary>
    private static MimeMessage Labelled(string name, byte[] raw)
    {
        using var stream = PatientMessageExchange.UnitTests.Bounces.BounceCorpus.Open(raw);
        var message = MimeMessage.Load(stream);
        message.Headers.Insert(0, new Header("X-Corpus-File", name));
        return message;
    }

    private async Task<List<CorpusEntry>> FilesInAsync(BounceMailboxOptions mailbox, string folderName) =>
        await ListAsync(mailbox, folderName, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags, ["X-Corpus-File"]),
            s => new CorpusEntry(s.UniqueId.Id, s.Headers?["X-Corpus-File"] ?? "", WithoutRecent(s.Flags)));

    private sealed record CorpusEntry(uint Uid, string Name, MessageFlags Flags);

    private ImapBouncePoller Poller(BounceMailboxOptions mailbox, PmxDbContext? db = null)
    {
        db ??= _database.CreateContext();
        var processor = new BounceProcessor(db, new AuditLog(db, SystemActor.Instance, _clock),
            Options.Create(new BounceOptions()), _clock, NullLogger<BounceProcessor>.Instance);
        return new ImapBouncePoller(Options.Create(mailbox), processor, NullLogger<ImapBouncePoller>.Instance);
    }

    private async Task SeedPatientAsync(string address)
    {
        await using var db = _database.CreateContext();
        var patient = new Patient { ChartNumber = "M1", FirstName = "Mia", LastName = "Lee", DateOfBirth = new DateOnly(2019, 4, 2) };
        patient.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Email, Value = address });
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
    }

    private static MimeMessage Fixture(string name) =>
        MimeMessage.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Bounces", name));

    /// <summary>A multipart/report that is not a bounce: it matches the server-side search, and must still be left.</summary>
    private static MimeMessage ReadReceipt()
    {
        var message = new MimeMessage { Subject = "Read: Flu clinic on Saturday", MessageId = "receipt-0001@example.org" };
        message.From.Add(new MailboxAddress("Lou Parent", "lou@example.org"));
        message.To.Add(new MailboxAddress("", "bounces@pmx-test.example"));
        var notification = new MimePart("message", "disposition-notification")
        {
            Content = new MimeContent(new MemoryStream("Reporting-UA: mail.example.org\nFinal-Recipient: rfc822; lou@example.org\nDisposition: manual-action/MDN-sent-manually; displayed\n"u8.ToArray())),
        };
        message.Body = new MultipartReport("disposition-notification") { new TextPart("plain") { Text = "Your message was read." }, notification };
        return message;
    }

    private static MimeMessage PostmasterQuestion()
    {
        var message = new MimeMessage { Subject = "Question about your mail server", MessageId = "postmaster-0001@example.net" };
        message.From.Add(new MailboxAddress("Postmaster", "postmaster@example.net"));
        message.To.Add(new MailboxAddress("", "bounces@pmx-test.example"));
        message.Body = new TextPart("plain") { Text = "Could you check your SPF record?" };
        return message;
    }

    private Task AppendAsync(BounceMailboxOptions mailbox, params MimeMessage[] messages) =>
        AppendAsync(mailbox, MessageFlags.None, messages);

    private async Task AppendAsync(BounceMailboxOptions mailbox, MessageFlags flags, params MimeMessage[] messages)
    {
        using var client = await _dovecot.ConnectAsync(mailbox);
        foreach (var message in messages)
        {
            await client.Inbox.AppendAsync(new AppendRequest(message, flags));
        }
        await client.DisconnectAsync(true);
    }

    private async Task<List<MailboxEntry>> SnapshotAsync(BounceMailboxOptions mailbox, string folderName) =>
        await ListAsync(mailbox, folderName, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.Flags),
            s => new MailboxEntry(s.UniqueId.Id, s.Envelope?.MessageId ?? "", WithoutRecent(s.Flags)));

    /// <summary>A folder's messages in UID order, read-only; empty when the folder does not exist yet.</summary>
    private async Task<List<T>> ListAsync<T>(BounceMailboxOptions mailbox, string folderName, FetchRequest request,
        Func<IMessageSummary, T> entry)
    {
        using var client = await _dovecot.ConnectAsync(mailbox);
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var entries = folder.Count == 0
            ? []
            : (await folder.FetchAsync(0, -1, request)).OrderBy(s => s.UniqueId.Id).Select(entry).ToList();
        await client.DisconnectAsync(true);
        return entries;
    }

    /// <summary>\Recent belongs to a session, not to the message.</summary>
    private static MessageFlags WithoutRecent(MessageFlags? flags) => (flags ?? MessageFlags.None) & ~MessageFlags.Recent;

    /// <summary>A message as the mailbox holds it.</summary>
    private sealed record MailboxEntry(uint Uid, string MessageId, MessageFlags Flags);
}
