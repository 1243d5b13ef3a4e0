using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces.TextParsers;

/// <summary>
/// The layout most prose bounces share: a line that names a failed address (alone, in angle brackets, followed by a
/// colon, "...", "[reason]" or "on date"), then the server's reply on the same line or the lines below it, up to a
/// blank line or the next address. The family parsers say where the list starts; this reads it.
/// </summary>
public static partial class RecipientBlocks
{
    private const int MaxDiagnostic = 1000;

    public static IReadOnlyList<TextBounceEntry> Read(string section, BounceText text)
    {
        var entries = new List<(string Address, List<string> Lines)>();
        (string Address, List<string> Lines)? current = null;
        var closed = false;
        foreach (var raw in section.Split('\n'))
        {
            var line = raw.TrimEnd();
            var match = AddressLine().Match(line);
            if (match.Success && BounceText.Address(match.Groups["a"].Value) is { } address)
            {
                if (current is { } same && same.Address == address && !closed)
                {
                    same.Lines.Add(line.Trim());
                    continue;
                }
                current = (address, new List<string>());
                entries.Add(current.Value);
                closed = false;
                var rest = match.Groups["rest"].Value.Trim();
                if (rest.Length > 0)
                {
                    current.Value.Lines.Add(rest);
                }
                continue;
            }
            if (current is null || closed)
            {
                continue;
            }
            if (line.Trim().Length == 0)
            {
                closed = current.Value.Lines.Count > 0;
                continue;
            }
            current.Value.Lines.Add(line.Trim());
        }
        // Our own address in the list is taken only when it is the only one: then it really is what failed.
        var theirs = entries.Where(e => !text.IsOwn(e.Address)).ToList();
        return (theirs.Count > 0 ? theirs : entries)
            .GroupBy(e => e.Address)
            .Select(g => new TextBounceEntry(g.Key, Diagnostic(g.SelectMany(e => e.Lines))))
            .ToList();
    }

    /// <summary>Lines joined into one diagnostic, at most 1000 characters; null when there are none.</summary>
    public static string? Diagnostic(IEnumerable<string> lines)
    {
        var joined = Whitespace().Replace(string.Join(" ", lines), " ").Trim();
        if (joined.Length == 0)
        {
            return null;
        }
        return joined.Length <= MaxDiagnostic ? joined : joined[..MaxDiagnostic];
    }

    /// <summary>The first run of non-blank lines of a text, joined.</summary>
    public static string? FirstParagraph(string text) =>
        Diagnostic(text.Split('\n').SkipWhile(l => l.Trim().Length == 0).TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim()));

    /// <summary>The first line of a text that says why delivery failed, in words the classifier knows.</summary>
    public static string? ExplainingLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && BounceClassifier.Explains(l)) is { } line
            ? Diagnostic([line])
            : null;

    /// <summary>The first line of a text that carries an SMTP reply or an enhanced status, with the line after it.</summary>
    public static string? SmtpLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (SmtpReply().IsMatch(lines[i]))
            {
                return Diagnostic(lines.Skip(i).Take(2).TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim()));
            }
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(?:[*\u2022-]\s+)?(?:RCPT TO:\s*|Recipient:\s*|Failed recipient:\s*)?[""<(]?(?<a>[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+)["">)]?(?:<mailto:[^>]*>)?(?:\s*:\s*(?<rest>.*)|\s+(?:\.\.\.)?(?<rest>[^\s@].*)|\s*[.,;]?\s*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"(?<![\w.#-])([45][0-5]\d[ -]|[45]\.\d{1,3}\.\d{1,3}\b)")]
    private static partial Regex SmtpReply();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
