using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Lists the names an expression reads, in order of first use. A name is Optional when every use is the left
/// operand of <c>??</c>; otherwise it is Required. Function names, named-argument labels and member names are not reads.
/// </summary>
internal static class IdentifierCollector
{
    public static ExpressionInfo Collect(ExpressionSyntax root)
    {
        var order = new List<string>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        // DescendantNodesAndSelf walks with an explicit stack, in document order, so deep trees cost no recursion.
        foreach (var node in root.DescendantNodesAndSelf())
        {
            string? name = node switch
            {
                IdentifierNameSyntax identifier when IsRead(identifier) => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access when IsOutermostRead(access) => DottedName(access),
                _ => null,
            };
            // Roslyn inserts empty "missing" identifiers where a syntax error left a hole.
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            if (!order.Contains(name))
            {
                order.Add(name);
            }
            if (!IsCoalesceLeft(node))
            {
                required.Add(name);
            }
        }
        return new ExpressionInfo(
            [.. order.Where(required.Contains)],
            [.. order.Where(n => !required.Contains(n))]);
    }

    private static bool IsRead(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        InvocationExpressionSyntax invocation => invocation.Expression != identifier,
        NameColonSyntax or MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
        _ => true,
    };

    private static bool IsOutermostRead(MemberAccessExpressionSyntax access) =>
        access.Parent is not MemberAccessExpressionSyntax
        && !(access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access);

    private static string? DottedName(MemberAccessExpressionSyntax access)
    {
        var parts = new Stack<string>();
        ExpressionSyntax node = access;
        while (node is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } m && m.IsKind(SyntaxKind.SimpleMemberAccessExpression))
        {
            parts.Push(member.Identifier.ValueText);
            node = m.Expression;
        }
        if (node is not IdentifierNameSyntax first)
        {
            return null;
        }
        parts.Push(first.Identifier.ValueText);
        return string.Join('.', parts);
    }

    private static bool IsCoalesceLeft(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized;
        }
        return current.Parent is BinaryExpressionSyntax binary
            && binary.IsKind(SyntaxKind.CoalesceExpression)
            && binary.Left == current;
    }
}
