using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace PatientMessageExchange.Core.Templates;

/// <summary><c>{% capture %}</c> into a bounded buffer, so a loop inside a capture can't build an unbounded text.</summary>
internal sealed class BoundedCaptureStatement(string identifier, IReadOnlyList<Statement> statements) : Statement
{
    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        using var captured = new BoundedWriter(TemplateLimits.ValueCharacters, RenderBudget.Of(context), "captured text");
        var completion = Completion.Normal;
        foreach (var statement in statements)
        {
            completion = await statement.WriteToAsync(captured, encoder, context);
            if (completion != Completion.Normal)
            {
                break;
            }
        }
        // The captured text is already encoded for the output; it must not be encoded a second time.
        context.SetValue(identifier, new StringValue(captured.ToString(), false));
        return completion;
    }
}
