using Xunit.Abstractions;
using MimeKit;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.UnitTests.Bounces;

public class BounceCorpusDumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var folder in new[] { "dev", "dev-not-bounces" })
        {
            foreach (var (name, raw) in BounceCorpus.Read(folder))
            {
                var start = raw.Length > 5 && raw[0] == 'F' && raw[4] == ' ' ? Array.IndexOf(raw, (byte)'\n') + 1 : 0;
                using var stream = new MemoryStream(raw, start, raw.Length - start);
                var message = MimeMessage.Load(stream);
                var bounce = BounceDetector.IsBounce(message);
                var report = DsnParser.Parse(raw);
                var recipients = string.Join(" ; ", report.Recipients.Select(r => $"{r.Kind.ToString().ToLowerInvariant()} {r.Recipient ?? "-"} [{r.Status}] {(r.DiagnosticCode ?? "").Replace("\n", " ")[..Math.Min(90, (r.DiagnosticCode ?? "").Length)]}"));
                lines.Add($"{name}\t{(bounce ? "B" : "-")}\t{report.Family}\t{(report.Recipients.Count == 0 ? "(none)" : recipients)}\t{report.Problem}");
            }
        }
        File.WriteAllLines("/tmp/corpus-dump.tsv", lines);
        output.WriteLine(string.Join("\n", lines));
    }
}
