using Fluid.Ast;

namespace PatientMessageExchange.Core.Templates;

/// <summary>Walks a parsed template and lists every variable path it reads, and the names it defines itself.</summary>
internal sealed class FieldCollector : AstVisitor
{
    public List<string[]> Paths { get; } = [];
    public HashSet<string> LocalNames { get; } = ["forloop", "empty", "blank", "nil", "null", "true", "false"];

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var path = new List<string>();
        foreach (var segment in memberExpression.Segments)
        {
            if (segment is IdentifierSegment identifier)
            {
                path.Add(identifier.Identifier);
            }
            else
            {
                break;
            }
        }
        if (path.Count > 0)
        {
            Paths.Add([.. path]);
        }
        return base.VisitMemberExpression(memberExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        LocalNames.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        LocalNames.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        LocalNames.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }
}
