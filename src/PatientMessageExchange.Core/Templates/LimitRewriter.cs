using Fluid.Ast;

namespace PatientMessageExchange.Core.Templates;

/// <summary>Replaces the parts of a parsed template that could allocate without bound by bounded equivalents.</summary>
internal sealed class LimitRewriter : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRangeExpression(Visit(rangeExpression.From), Visit(rangeExpression.To));

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        TryRewriteStatements(captureStatement.Statements, out var statements);
        return new BoundedCaptureStatement(captureStatement.Identifier, statements);
    }
}
