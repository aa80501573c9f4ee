using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using Scoring.Engine.Compilation;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// The tracing form of a compiled expression: the same tree, rewritten so that every intermediate value is recorded,
/// and a description of its operations. Explanations use it to list the arithmetic a unit's values went through
/// (<see cref="ExpressionStep"/>). Built and compiled on first use, never on the scoring path.
/// </summary>
internal sealed class ExpressionTracer
{
    private static readonly PropertyInfo ValuesProperty = typeof(ValueRow).GetProperty(nameof(ValueRow.Values))!;

    private readonly List<Node> nodes = [];
    private readonly Dictionary<Expression, int> ids = new(ReferenceEqualityComparer.Instance);
    private readonly Func<ValueRow, decimal[], bool[], object?> traced;

    public ExpressionTracer(Expression body, ParameterExpression row)
    {
        var values = Expression.Parameter(typeof(decimal[]), "traceValues");
        var hit = Expression.Parameter(typeof(bool[]), "traceHit");
        var rewritten = new Rewriter(this, row, values, hit).Visit(body)!;
        traced = Expression.Lambda<Func<ValueRow, decimal[], bool[], object?>>(Expression.Convert(rewritten, typeof(object)), row, values, hit).Compile();
        Root = ids.TryGetValue(body, out var root) ? root : -1;
        IsRate = Root >= 0 && Rate(Root);
    }

    /// <summary>Whether the expression's value is a rate (shown as a percentage).</summary>
    public bool IsRate { get; }

    private int Root { get; }

    /// <summary>The operations evaluated for <paramref name="row"/>, in order. Throws what the expression throws.</summary>
    public ImmutableArray<ExpressionStep> Steps(ValueRow row)
    {
        var values = new decimal[nodes.Count];
        var hit = new bool[nodes.Count];
        traced(row, values, hit);
        var steps = ImmutableArray.CreateBuilder<ExpressionStep>();
        var previous = -1;
        for (var id = 0; id < nodes.Count; id++)
        {
            var node = nodes[id];
            if (node.Operator is not { } op || !hit[id] || node.Left < 0)
            {
                continue;
            }
            if (!TryValue(node.Left, row, values, hit, out var left) || IsBooleanRead(node))
            {
                continue;
            }
            decimal? right = null;
            if (node.Right >= 0)
            {
                if (!TryValue(node.Right, row, values, hit, out var r))
                {
                    continue;
                }
                right = r;
            }
            var format = new string([FormatOf(node.Left, node, node.Right), node.Right >= 0 ? FormatOf(node.Right, node, node.Left) : 'i', IsComparison(op) ? 'i' : Rate(id) ? 'p' : 'n']);
            steps.Add(new ExpressionStep(op, left, right, values[id], format, Resolve(node.Left) == previous && previous >= 0));
            previous = id;
        }
        return steps.ToImmutable();
    }

    // "flag != 0" is how a yes/no indicator is read, not arithmetic worth showing.
    private bool IsBooleanRead(Node node) =>
        node.Operator == "!=" && node.Right >= 0 && nodes[node.Right] is { Kind: NodeKind.Constant, Constant: 0m } && nodes[Resolve(node.Left)].Kind == NodeKind.Input;

    private bool TryValue(int id, ValueRow row, decimal[] values, bool[] hit, out decimal value)
    {
        var node = nodes[id];
        switch (node.Kind)
        {
            case NodeKind.Constant:
                value = node.Constant;
                return true;
            case NodeKind.Input:
                value = row.Values[node.Slot];
                return true;
            default:
                value = values[id];
                return hit[id];
        }
    }

    // 'p' for a rate, or for a literal set against a rate (compared with it, its min/max partner, or its divisor).
    private char FormatOf(int id, Node parent, int sibling)
    {
        if (Rate(id))
        {
            return 'p';
        }
        var node = nodes[Resolve(id)];
        if (node.Kind is NodeKind.Constant or NodeKind.Input)
        {
            var againstRate = sibling >= 0 && Rate(sibling) && node.Kind == NodeKind.Constant
                && parent.Operator is "<" or "<=" or ">" or ">=" or "==" or "!=" or "min" or "max" or "/";
            return againstRate ? 'p' : 'i';
        }
        return 'n';
    }

    private int Resolve(int id)
    {
        while (id >= 0 && nodes[id].Kind == NodeKind.Pass)
        {
            id = nodes[id].Left;
        }
        return id;
    }

    private bool DependsOnRow(int id)
    {
        var node = nodes[id];
        return node.Kind switch
        {
            NodeKind.Input or NodeKind.Variable => true,
            NodeKind.Constant => false,
            _ => (node.Left >= 0 && DependsOnRow(node.Left)) || (node.Right >= 0 && DependsOnRow(node.Right)) || (node.Third >= 0 && DependsOnRow(node.Third)),
        };
    }

    private bool Rate(int id)
    {
        var node = nodes[id];
        return node.Kind switch
        {
            NodeKind.Pass => node.Left >= 0 && Rate(node.Left),
            NodeKind.Conditional => (node.Right >= 0 && Rate(node.Right)) || (node.Third >= 0 && Rate(node.Third)),
            NodeKind.Operation => node.Operator switch
            {
                "/" => (DependsOnRow(node.Left) && DependsOnRow(node.Right) && !Rate(node.Left) && !Rate(node.Right))
                    || (Rate(node.Left) && (Rate(node.Right) || !DependsOnRow(node.Right))),
                "min" or "max" or "round" or "abs" => Rate(node.Left) || (node.Right >= 0 && node.Operator is "min" or "max" && Rate(node.Right)),
                _ => false,
            },
            _ => false,
        };
    }

    private static bool IsComparison(string op) => op is "<" or "<=" or ">" or ">=" or "==" or "!=";

    private int Add(Expression original, Node node)
    {
        nodes.Add(node);
        ids[original] = nodes.Count - 1;
        return nodes.Count - 1;
    }

    private int IdOf(Expression? e) => e is not null && ids.TryGetValue(e, out var id) ? id : -1;

    private enum NodeKind
    {
        Constant,
        Input,
        Variable,
        Pass,
        Conditional,
        Operation,
        Other,
    }

    private sealed record Node(NodeKind Kind, string? Operator = null, int Left = -1, int Right = -1, int Third = -1, decimal Constant = 0m, int Slot = -1);

    private sealed class Rewriter(ExpressionTracer tracer, ParameterExpression row, ParameterExpression values, ParameterExpression hit) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case ParameterExpression p when p == row:
                    return p;
                case ConstantExpression c:
                    tracer.Add(c, new Node(NodeKind.Constant, Constant: c.Value switch { decimal d => d, int i => i, bool b => b ? 1m : 0m, _ => 0m }));
                    return c;
                case BinaryExpression { NodeType: ExpressionType.ArrayIndex, Left: MemberExpression { Member: var m }, Right: ConstantExpression { Value: int slot } } input
                    when m == ValuesProperty:
                    tracer.Add(input, new Node(NodeKind.Input, Slot: slot));
                    return input;
                case BinaryExpression { NodeType: ExpressionType.Assign } assign:
                    return assign.Update(assign.Left, assign.Conversion, Visit(assign.Right)!);
                case BlockExpression block:
                    {
                        var body = block.Expressions.Select(e => Visit(e)!).ToList();
                        var rewrittenBlock = block.Update(block.Variables, body);
                        return Traced(block, rewrittenBlock, new Node(NodeKind.Pass, Left: tracer.IdOf(block.Expressions[^1])));
                    }
            }
            var rewritten = base.Visit(node)!;
            return Traced(node, rewritten, Describe(node));
        }

        private Node Describe(Expression node) => node switch
        {
            ParameterExpression => new Node(NodeKind.Variable),
            BinaryExpression b => Operator(b.NodeType) is { } op
                ? new Node(NodeKind.Operation, op, tracer.IdOf(b.Left), tracer.IdOf(b.Right))
                : new Node(NodeKind.Other, Left: tracer.IdOf(b.Left), Right: tracer.IdOf(b.Right)),
            TryExpression t => new Node(NodeKind.Pass, Left: tracer.IdOf(t.Body)),
            ConditionalExpression c => new Node(NodeKind.Conditional, Left: tracer.IdOf(c.Test), Right: tracer.IdOf(c.IfTrue), Third: tracer.IdOf(c.IfFalse)),
            UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u => new Node(NodeKind.Pass, Left: tracer.IdOf(u.Operand)),
            UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } u => new Node(NodeKind.Operation, "neg", tracer.IdOf(u.Operand)),
            UnaryExpression u => new Node(NodeKind.Other, Left: tracer.IdOf(u.Operand)),
            MethodCallExpression { Method.DeclaringType: var t } call when t == typeof(Math) && Function(call.Method.Name) is { } name =>
                new Node(NodeKind.Operation, name, tracer.IdOf(call.Arguments[0]), call.Arguments.Count > 1 ? tracer.IdOf(call.Arguments[1]) : -1),
            MethodCallExpression call => new Node(NodeKind.Other, Left: call.Arguments.Count > 0 ? tracer.IdOf(call.Arguments[0]) : -1, Right: call.Arguments.Count > 1 ? tracer.IdOf(call.Arguments[1]) : -1),
            _ => new Node(NodeKind.Other),
        };

        // Records the value of a decimal or boolean node (and that it was evaluated); other types pass through.
        private Expression Traced(Expression original, Expression rewritten, Node node)
        {
            var id = tracer.Add(original, node);
            if (rewritten.Type != typeof(decimal) && rewritten.Type != typeof(bool))
            {
                return rewritten;
            }
            var temp = Expression.Variable(rewritten.Type, "t" + id);
            Expression asDecimal = rewritten.Type == typeof(bool) ? Expression.Condition(temp, Expression.Constant(1m), Expression.Constant(0m)) : temp;
            return Expression.Block(
                rewritten.Type,
                [temp],
                Expression.Assign(temp, rewritten),
                Expression.Assign(Expression.ArrayAccess(values, Expression.Constant(id)), asDecimal),
                Expression.Assign(Expression.ArrayAccess(hit, Expression.Constant(id)), Expression.Constant(true)),
                temp);
        }

        private static string? Operator(ExpressionType type) => type switch
        {
            ExpressionType.Add or ExpressionType.AddChecked => "+",
            ExpressionType.Subtract or ExpressionType.SubtractChecked => "-",
            ExpressionType.Multiply or ExpressionType.MultiplyChecked => "*",
            ExpressionType.Divide => "/",
            ExpressionType.Modulo => "%",
            ExpressionType.LessThan => "<",
            ExpressionType.LessThanOrEqual => "<=",
            ExpressionType.GreaterThan => ">",
            ExpressionType.GreaterThanOrEqual => ">=",
            ExpressionType.Equal => "==",
            ExpressionType.NotEqual => "!=",
            _ => null,
        };

        private static string? Function(string name) => name switch
        {
            nameof(Math.Min) => "min",
            nameof(Math.Max) => "max",
            nameof(Math.Abs) => "abs",
            nameof(Math.Floor) => "floor",
            nameof(Math.Ceiling) => "ceiling",
            nameof(Math.Round) => "round",
            _ => null,
        };
    }
}
