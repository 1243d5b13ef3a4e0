using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Liquid templates through Fluid, sandboxed: the only values are the whitelisted merge fields as plain text, loops and
/// recursion are bounded, and a template that names an unknown field is refused when it is saved, with line and column.
/// Email bodies are HTML-encoded where values are inserted; text and voice are plain.
/// </summary>
public sealed partial class TemplateRenderer
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false });

    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options = new()
    {
        MaxSteps = 20_000,
        MaxRecursion = 20,
        CultureInfo = CultureInfo.InvariantCulture,
        MemberAccessStrategy = new DefaultMemberAccessStrategy(),
    };

    public IReadOnlyList<TemplateError> Validate(TemplatePart part, string? source, MergeScope scope)
    {
        if (string.IsNullOrEmpty(source))
        {
            return [];
        }
        if (!Parser.TryParse(source, out var template, out var error))
        {
            var (line, column) = ReadPosition(error);
            return [new TemplateError(part, line, column, $"The template can't be read: {CleanMessage(error)}")];
        }
        var collector = new FieldCollector();
        collector.VisitTemplate(template);
        var errors = new List<TemplateError>();
        foreach (var path in collector.Paths)
        {
            var root = path[0];
            if (collector.LocalNames.Contains(root))
            {
                continue;
            }
            var name = path.Length > 1 ? path[1] : null;
            if (name is null || path.Length > 2 || !MergeFields.IsAllowed(root, name, scope))
            {
                var text = string.Join('.', path);
                var (line, column) = Locate(source, text);
                var message = scope == MergeScope.Broadcast && MergeFields.IsAllowed(root, name, MergeScope.Personalized)
                    ? $"\"{text}\" is patient-specific; a broadcast can only use practice fields."
                    : $"\"{text}\" is not a merge field. Use one of: {string.Join(", ", MergeFields.For(scope).Select(f => f.Path))}.";
                if (errors.All(e => e.Message != message))
                {
                    errors.Add(new TemplateError(part, line, column, message));
                }
            }
            else if (part == TemplatePart.Voice && MergeFields.IsClinical(root, name))
            {
                var text = $"{root}.{name}";
                var (line, column) = Locate(source, text);
                var message = $"\"{text}\" is clinical detail; a phone call must not say it, since anyone may answer.";
                if (errors.All(e => e.Message != message))
                {
                    errors.Add(new TemplateError(part, line, column, message));
                }
            }
        }
        return errors;
    }

    public string Render(TemplatePart part, string? source, MergeData data)
    {
        if (string.IsNullOrEmpty(source))
        {
            return "";
        }
        var template = _cache.GetOrAdd(source, static s =>
            Parser.TryParse(s, out var parsed, out var error)
                ? parsed
                : throw new TemplateInvalidException($"A stored template can't be parsed: {error}"));
        var context = new TemplateContext(_options);
        foreach (var (root, fields) in data.Roots)
        {
            context.SetValue(root, fields);
        }
        var encoder = part == TemplatePart.EmailBody ? (TextEncoder)HtmlEncoder.Default : NullEncoder.Default;
        var text = template.Render(context, encoder);
        return part == TemplatePart.EmailBody ? text : text.Trim();
    }

    private static (int Line, int Column) ReadPosition(string? error)
    {
        var match = PositionPattern().Match(error ?? "");
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (1, 1);
    }

    private static string CleanMessage(string? error) => PositionPattern().Replace(error ?? "syntax error", "").Trim();

    private static (int Line, int Column) Locate(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        if (index < 0)
        {
            return (1, 1);
        }
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex PositionPattern();
}
