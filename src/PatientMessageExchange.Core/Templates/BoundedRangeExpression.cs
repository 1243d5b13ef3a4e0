using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// <c>(from..to)</c> that checks its size before building the list: Fluid's own range allocates every item first, so
/// <c>(1..100000000)</c> would take gigabytes before any step limit is reached.
/// </summary>
internal sealed class BoundedRangeExpression(Expression from, Expression to) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var start = (await from.EvaluateAsync(context)).ToNumberValue();
        var end = (await to.EvaluateAsync(context)).ToNumberValue();
        var count = end - start + 1;
        if (count > TemplateLimits.ListItems)
        {
            throw new TemplateRenderException(
                $"A range like (1..n) may have at most {TemplateLimits.ListItems:N0} items; this one has {count:N0}.");
        }
        if (count <= 0)
        {
            return ArrayValue.Empty;
        }
        var first = (int)decimal.Truncate(start);
        var items = new FluidValue[(int)count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = NumberValue.Create(first + i);
        }
        return new ArrayValue(items);
    }
}
