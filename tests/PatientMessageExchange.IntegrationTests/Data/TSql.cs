using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace PatientMessageExchange.IntegrationTests.Data;

/// <summary>Parses T-SQL the way SQL Server 2022 would, with Microsoft's own parser (ScriptDom).</summary>
public static class TSql
{
    /// <summary>
    /// The parse errors of a script, each with its line and the text around it; empty when it parses. The text of every
    /// <c>EXEC(N'...')</c> with a literal (how a migration creates a trigger, which must start a batch of its own) is
    /// parsed too, so an error can't hide inside a string.
    /// </summary>
    public static IReadOnlyList<string> ParseErrors(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        var lines = script.Split('\n');
        var found = errors.Select(e =>
            $"line {e.Line}, column {e.Column}: {e.Message} near \"{(e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].Trim() : "")}\"")
            .ToList();
        if (fragment is not null)
        {
            var executed = new ExecutedStrings();
            fragment.Accept(executed);
            foreach (var inner in executed.Texts)
            {
                found.AddRange(ParseErrors(inner).Select(e => $"inside EXEC: {e}"));
            }
        }
        return found;
    }

    private sealed class ExecutedStrings : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            if (node.Strings.Count > 0 && node.Strings.All(s => s is StringLiteral))
            {
                Texts.Add(string.Concat(node.Strings.Cast<StringLiteral>().Select(s => s.Value)));
            }
            base.Visit(node);
        }
    }
}
