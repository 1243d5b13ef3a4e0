using Fluid;
using Fluid.Values;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// Wraps every Liquid filter so that its result is checked against the value limits, and checks beforehand the two
/// whose result can grow with the square of their input (<c>replace</c> and <c>join</c>), so the oversized text is
/// never built.
/// </summary>
internal static class BoundedFilters
{
    public static void Apply(FilterCollection filters)
    {
        foreach (var (name, filter) in filters.ToList())
        {
            FilterDelegate? before = name switch
            {
                "replace" => CheckReplace,
                "join" => CheckJoin,
                _ => null,
            };
            filters.AddFilter(name, (input, arguments, context) => Run(filter, before, input, arguments, context));
        }
    }

    private static ValueTask<FluidValue> Run(FilterDelegate filter, FilterDelegate? before, FluidValue input,
        FilterArguments arguments, TemplateContext context)
    {
        RenderBudget.Of(context).CheckTime();
        before?.Invoke(input, arguments, context);
        var result = filter(input, arguments, context);
        if (!result.IsCompletedSuccessfully)
        {
            return Checked(result);
        }
        RenderBudget.CheckValue(result.Result);
        return result;
    }

    private static async ValueTask<FluidValue> Checked(ValueTask<FluidValue> pending)
    {
        var value = await pending;
        RenderBudget.CheckValue(value);
        return value;
    }

    private static ValueTask<FluidValue> CheckReplace(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        var target = arguments.At(0).ToStringValue();
        var replacement = arguments.At(1).ToStringValue();
        long matches = 0;
        if (target.Length == 0)
        {
            matches = text.Length + 1;
        }
        else
        {
            for (var at = text.IndexOf(target, StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf(target, at + target.Length, StringComparison.Ordinal))
            {
                matches++;
            }
        }
        if (text.Length + matches * (replacement.Length - target.Length) > TemplateLimits.ValueCharacters)
        {
            throw RenderBudget.TooLong();
        }
        return default;
    }

    private static ValueTask<FluidValue> CheckJoin(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var separator = arguments.Count > 0 ? arguments.At(0).ToStringValue().Length : 1;
        long length = 0;
        foreach (var item in input.Enumerate(context))
        {
            length += item.ToStringValue().Length + separator;
            if (length > TemplateLimits.ValueCharacters + separator)
            {
                throw RenderBudget.TooLong();
            }
        }
        return default;
    }
}
