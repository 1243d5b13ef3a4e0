using System.Globalization;
using MimeKit;
using PatientMessageExchange.Core.Bounces;
using Xunit.Abstractions;

namespace PatientMessageExchange.UnitTests.Bounces;

/// <summary>
/// The regression test over the whole dev half of the shared corpus (issue 18): every file's expected outcome is in
/// <see cref="BounceCorpusExpectations"/>, and any change to one fails the test with the file's name. The figures it prints are the
/// ones in docs/broadcasts.md.
/// </summary>
public class BounceCorpusTests(ITestOutputHelper output)
{

    [Fact]
    [Trait("Check", "R8")]
    public void Every_file_of_the_dev_corpus_gives_its_expected_outcome()
    {
        var expected = BounceCorpusExpectations.Outcomes;
        var files = BounceCorpus.Read("dev").Concat(BounceCorpus.Read("dev-not-bounces")).ToList();
        var wrong = new List<string>();
        var byFamily = new SortedDictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        var byReader = new SortedDictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        foreach (var (name, raw) in files)
        {
            var actual = Outcome(raw);
            var want = expected.GetValueOrDefault(name, "(not in the table)");
            if (actual != want)
            {
                wrong.Add($"{name}: expected '{want}', got '{actual}'");
            }
            var hit = IsClassified(actual) && actual == want ? 1 : 0;
            var counts = IsBounce(want) ? 1 : 0;
            var family = FamilyOf(name);
            var (right, total) = byFamily.GetValueOrDefault(family);
            byFamily[family] = (right + hit, total + counts);
            var reader = "read as " + (DsnParser.Parse(raw).Family ?? "nothing");
            var (readerRight, readerTotal) = byReader.GetValueOrDefault(reader);
            byReader[reader] = (readerRight + hit, readerTotal + counts);
        }

        var bounces = files.Count(f => IsBounce(expected.GetValueOrDefault(f.Name, "")));
        var classified = files.Count(f => IsBounce(expected.GetValueOrDefault(f.Name, "")) && IsClassified(Outcome(f.Raw)));
        output.WriteLine($"{files.Count} messages, {bounces} bounces and complaints, {classified} classified with the expected recipients and kinds ({Percent(classified, bounces)})");
        foreach (var (family, (right, total)) in byReader.Concat(byFamily).Where(f => f.Value.Total > 0))
        {
            output.WriteLine($"{family,-24} {right,3}/{total,-3} {Percent(right, total)}");
        }
        Assert.Equal(files.Count, expected.Count);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(classified * 100 >= bounces * 95, $"{classified} of {bounces} classified");
    }

    [Fact]
    [Trait("Check", "R10")]
    public void R10_no_message_that_is_not_a_bounce_is_taken()
    {
        foreach (var (name, raw) in BounceCorpus.Read("dev-not-bounces").Concat(BounceCorpus.Read("dev").Where(f => f.Name.StartsWith("rfc3834-", StringComparison.Ordinal))))
        {
            Assert.False(BounceDetector.IsBounce(Load(raw)), name);
            Assert.False(BounceDetector.IsBounce(Headers(raw)), name);
        }
    }

    [Fact]
    [Trait("Check", "R8")]
    public void R8_every_bounce_of_the_corpus_is_either_read_or_kept_for_review_with_a_reason()
    {
        foreach (var (name, raw) in BounceCorpus.Read("dev"))
        {
            var message = Load(raw);
            if (!BounceDetector.IsBounce(message))
            {
                continue;
            }
            Assert.True(BounceDetector.IsCandidate(Headers(raw)), $"{name} would not be downloaded by the mailbox scan");
            var report = DsnParser.Parse(raw);
            Assert.Same(raw, report.RawMessage);
            if (report.Recipients.Any(r => r.Kind == BounceKind.Unclassified))
            {
                Assert.False(string.IsNullOrWhiteSpace(report.Problem), $"{name} is unclassified without a reason");
            }
        }
    }

    /// <summary>What the pipeline makes of one file, in the table's words.</summary>
    private static string Outcome(byte[] raw)
    {
        if (!BounceDetector.IsBounce(Load(raw)))
        {
            return "not-bounce";
        }
        var report = DsnParser.Parse(raw);
        if (report.Recipients.Count == 0)
        {
            return "delay";
        }
        if (report.Recipients.Any(r => r.Kind == BounceKind.Unclassified))
        {
            return "review";
        }
        return string.Join(", ", report.Recipients.Select(r => $"{r.Kind.ToString().ToLowerInvariant()} {r.Recipient}"));
    }

    private static bool IsBounce(string outcome) => outcome is not ("not-bounce" or "delay" or "" or "(not in the table)") && !outcome.StartsWith("rfc3834", StringComparison.Ordinal);

    private static bool IsClassified(string outcome) => IsBounce(outcome) && outcome != "review";

    /// <summary>"lhost-exim-07" is in the family "lhost-exim".</summary>
    private static string FamilyOf(string name) => name[..name.LastIndexOf('-')];

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static MimeMessage Load(byte[] raw)
    {
        using var stream = BounceCorpus.Open(raw);
        return MimeMessage.Load(stream);
    }

    /// <summary>The top-level headers as the IMAP scan fetches them (Content-Type included).</summary>
    private static HeaderList Headers(byte[] raw)
    {
        using var stream = BounceCorpus.Open(raw);
        return HeaderList.Load(stream);
    }
}
