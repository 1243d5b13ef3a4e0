using Fluid;
using Fluid.Values;

namespace PatientMessageExchange.Core.Templates;

/// <summary>What one render may still spend: its start time, checked against <see cref="TemplateLimits.RenderTime"/>.</summary>
internal sealed class RenderBudget(TimeProvider clock)
{
    private const string Key = "pmx.render-budget";
    private readonly long _started = clock.GetTimestamp();

    public void Attach(TemplateContext context) => context.AmbientValues[Key] = this;

    public static RenderBudget Of(TemplateContext context) => (RenderBudget)context.AmbientValues[Key];

    public void CheckTime()
    {
        if (clock.GetElapsedTime(_started) > TemplateLimits.RenderTime)
        {
            throw new TemplateRenderException(
                $"The template took longer than {TemplateLimits.RenderTime.TotalSeconds:0} seconds to render.");
        }
    }

    /// <summary>Refuses a value built inside the template that is longer, or has more items, than the limits allow.</summary>
    public static void CheckValue(FluidValue value)
    {
        switch (value)
        {
            case StringValue text when text.ToStringValue().Length > TemplateLimits.ValueCharacters:
                throw TooLong();
            case ArrayValue list when list.Values.Count > TemplateLimits.ListItems:
                throw TooMany();
        }
    }

    public static TemplateRenderException TooLong() => new(
        $"The template builds a text longer than {TemplateLimits.ValueCharacters:N0} characters.");

    public static TemplateRenderException TooMany() => new(
        $"The template builds a list of more than {TemplateLimits.ListItems:N0} items.");
}
