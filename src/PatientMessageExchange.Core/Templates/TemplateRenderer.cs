using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.Caching.Memory;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Liquid templates through Fluid, sandboxed: the only values are the whitelisted merge fields as plain text, loops and
/// recursion are bounded, and a template that names an unknown field is refused when it is saved, with line and column.
/// Email bodies are HTML-encoded where values are inserted; text and voice are plain.
/// Rendering itself is bounded (<see cref="TemplateLimits"/>): ranges, built values, output, steps and time. A render
/// past a limit throws <see cref="TemplateRenderException"/> for that one message; a template that does so with no
/// merge values at all is refused when it is saved. Parsed templates are kept in a cache bounded by the total length
/// of their text; a template that can't be parsed is never cached.
/// </summary>
public sealed partial class TemplateRenderer
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false });
    private static readonly MergeData NoData = new();

    private readonly TimeProvider _clock;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = TemplateLimits.CachedCharacters,
        TrackStatistics = true,
    });
    private readonly TemplateOptions _options = new()
    {
        MaxSteps = TemplateLimits.Steps,
        MaxRecursion = TemplateLimits.Recursion,
        CultureInfo = CultureInfo.InvariantCulture,
        MemberAccessStrategy = new DefaultMemberAccessStrategy(),
    };

    public TemplateRenderer() : this(TimeProvider.System)
    {
    }

    public TemplateRenderer(TimeProvider clock)
    {
        _clock = clock;
        BoundedFilters.Apply(_options.Filters);
        _options.Assigned = static (_, value, _) =>
        {
            RenderBudget.CheckValue(value);
            return new ValueTask<Fluid.Values.FluidValue>(value);
        };
    }

    /// <summary>How many parsed templates are cached, and the total length of their text.</summary>
    public (long Templates, long Characters) CacheSize
    {
        get
        {
            var statistics = _cache.GetCurrentStatistics();
            return (statistics?.CurrentEntryCount ?? 0, statistics?.CurrentEstimatedSize ?? 0);
        }
    }

    public IReadOnlyList<TemplateError> Validate(TemplatePart part, string? source, MergeScope scope)
    {
        if (string.IsNullOrEmpty(source))
        {
            return [];
        }
        var limit = TemplateLimits.For(part);
        if (source.Length > limit)
        {
            return [new TemplateError(part, 1, 1, $"This part is {source.Length:N0} characters; the limit is {limit:N0}.")];
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
        if (errors.Count == 0)
        {
            // The limits hold for every recipient only if they hold before any merge value is added.
            try
            {
                Render(part, source, NoData);
            }
            catch (TemplateRenderException e)
            {
                errors.Add(new TemplateError(part, 1, 1, e.Message));
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
        var template = Parse(source);
        var context = new TemplateContext(_options);
        foreach (var (root, fields) in data.Roots)
        {
            context.SetValue(root, fields);
        }
        var budget = new RenderBudget(_clock);
        budget.Attach(context);
        var encoder = part == TemplatePart.EmailBody ? (TextEncoder)HtmlEncoder.Default : NullEncoder.Default;
        using var writer = new BoundedWriter(TemplateLimits.RenderedCharacters, budget, "rendered message");
        try
        {
            // Every bounded node completes synchronously; the await only matters if a future node does not.
            var rendering = template.RenderAsync(writer, encoder, context);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (TemplateRenderException)
        {
            throw;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            // Fluid's own step and recursion limits.
            throw new TemplateRenderException(
                $"The template runs more than {TemplateLimits.Steps:N0} steps or nests deeper than {TemplateLimits.Recursion} levels.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidCastException
                                      or DivideByZeroException or NullReferenceException)
        {
            throw new TemplateRenderException($"The template fails while rendering: {e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}.");
        }
        var text = writer.ToString();
        return part == TemplatePart.EmailBody ? text : text.Trim();
    }

    private IFluidTemplate Parse(string source)
    {
        if (_cache.TryGetValue(source, out IFluidTemplate? cached) && cached is not null)
        {
            return cached;
        }
        if (!Parser.TryParse(source, out var parsed, out var error))
        {
            throw new TemplateInvalidException($"A stored template can't be parsed: {error}");
        }
        var bounded = new LimitRewriter().VisitTemplate(parsed);
        _cache.Set(source, bounded, new MemoryCacheEntryOptions { Size = source.Length });
        return bounded;
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
