using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Walks a Roslyn expression syntax tree against the whitelist and builds the System.Linq.Expressions tree.
/// One TranslateX method per syntax kind; anything not handled is an error naming the construct. Errors are
/// collected (a failed sub-expression yields null) so one pass reports every problem with its span.
/// </summary>
internal sealed partial class CSharpToLinqTranslator
{
    private readonly IExpressionScope _scope;
    private readonly NumericMethods _math;
    private readonly ExpressionTranslationOptions _options;
    private readonly int _maxDepth;
    private readonly List<ExpressionError> _errors = [];

    public CSharpToLinqTranslator(IExpressionScope scope, NumericMode mode, ExpressionTranslationOptions options, int maxDepth)
    {
        _scope = scope;
        _math = mode == NumericMode.Decimal ? NumericMethods.Decimal : NumericMethods.Double;
        _options = options;
        _maxDepth = maxDepth;
    }

    public IReadOnlyList<ExpressionError> Errors => _errors;

    /// <summary>True once the tree holds an operation that may throw DivideByZero or Overflow.</summary>
    public bool MayThrow { get; private set; }

    /// <summary>A translated sub-expression with its value kind.</summary>
    internal readonly record struct Typed(Expression Expression, ValueKind Kind);

    public Typed? Translate(ExpressionSyntax node, int depth)
    {
        // The depth limit keeps recursion shallow; the stack probe is a second line of defence on small thread stacks.
        if (depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return Fail(node.Span, ExpressionMessages.TooDeep(_maxDepth));
        }
        return node switch
        {
            LiteralExpressionSyntax literal => TranslateLiteral(literal),
            IdentifierNameSyntax identifier => TranslateIdentifier(identifier),
            ParenthesizedExpressionSyntax parenthesized => Translate(parenthesized.Expression, depth + 1),
            PrefixUnaryExpressionSyntax unary => TranslatePrefixUnary(unary, depth),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) => TranslateCoalesce(binary, depth),
            BinaryExpressionSyntax binary => TranslateBinary(binary, depth),
            ConditionalExpressionSyntax conditional => TranslateConditional(conditional, depth),
            InvocationExpressionSyntax invocation => TranslateInvocation(invocation, depth),
            MemberAccessExpressionSyntax memberAccess => TranslateMemberAccess(memberAccess),
            _ => Fail(node.Span, ExpressionMessages.NotAllowed(SyntaxDescriptions.Describe(node))),
        };
    }

    private Typed? TranslateLiteral(LiteralExpressionSyntax node)
    {
        switch (node.Kind())
        {
            case SyntaxKind.TrueLiteralExpression:
                return new Typed(Expression.Constant(true), ValueKind.Boolean);
            case SyntaxKind.FalseLiteralExpression:
                return new Typed(Expression.Constant(false), ValueKind.Boolean);
            case SyntaxKind.NumericLiteralExpression:
                if (!NumberLiteral.TryParse(node.Token.Text, out var value, out var error))
                {
                    return Fail(node.Span, error!);
                }
                return new Typed(_math.Constant(value), ValueKind.Number);
            case SyntaxKind.NullLiteralExpression:
                return Fail(node.Span, ExpressionMessages.NullNotAllowed);
            default:
                return Fail(node.Span, ExpressionMessages.NotAllowed(SyntaxDescriptions.Describe(node)));
        }
    }

    private Typed? TranslateIdentifier(IdentifierNameSyntax node)
    {
        var name = node.Identifier.ValueText;
        if (_scope.TryResolve(name, out var expression, out var kind))
        {
            return Resolved(name, expression, kind);
        }
        var lookAlike = Confusables.Find(name, _scope.KnownNames);
        return Fail(node.Span, ExpressionMessages.UnknownIdentifier(name, lookAlike?.Intended ?? NameSuggestion.Find(name, _scope.KnownNames)));
    }

    // Dotted names are allowed only when the scope declares the whole dotted name (e.g. a namespaced indicator).
    private Typed? TranslateMemberAccess(MemberAccessExpressionSyntax node)
    {
        var name = DottedName(node);
        if (name is not null && _scope.TryResolve(name, out var expression, out var kind))
        {
            return Resolved(name, expression, kind);
        }
        return Fail(node.Span, ExpressionMessages.MemberAccessNotAllowed(node.ToString()));
    }

    // A scope returning the wrong CLR type is a programming error in the caller, not a rule-set error: fail loudly.
    private Typed Resolved(string name, Expression expression, ValueKind kind)
    {
        var expectedType = kind == ValueKind.Number ? _math.NumberType : typeof(bool);
        if (expression.Type != expectedType)
        {
            throw new InvalidOperationException(
                $"The expression scope resolved '{name}' to {expression.Type.Name}, but {kind} needs {expectedType.Name} in this mode.");
        }
        return new Typed(expression, kind);
    }

    private Typed? TranslatePrefixUnary(PrefixUnaryExpressionSyntax node, int depth)
    {
        var kind = node.Kind();
        if (kind is not (SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.LogicalNotExpression))
        {
            return Fail(node.OperatorToken.Span, ExpressionMessages.OperatorNotAllowed(node.OperatorToken.Text));
        }
        var operand = Translate(node.Operand, depth + 1);
        if (operand is not { } value)
        {
            return null;
        }
        var where = ExpressionMessages.Operator(node.OperatorToken.Text);
        if (kind == SyntaxKind.LogicalNotExpression)
        {
            return value.Kind == ValueKind.Boolean
                ? new Typed(Expression.Not(value.Expression), ValueKind.Boolean)
                : Fail(node.Operand.Span, ExpressionMessages.NeedsBoolean(where));
        }
        if (value.Kind != ValueKind.Number)
        {
            return Fail(node.Operand.Span, ExpressionMessages.NeedsNumber(where));
        }
        if (kind == SyntaxKind.UnaryPlusExpression)
        {
            return value;
        }
        // Fold "-5" into a constant so negative literals stay literals (Clamp's bound check, tree consumers).
        return value.Expression is ConstantExpression { Value: decimal d } ? new Typed(Expression.Constant(-d), ValueKind.Number)
            : value.Expression is ConstantExpression { Value: double x } ? new Typed(Expression.Constant(-x), ValueKind.Number)
            : new Typed(Expression.Negate(value.Expression), ValueKind.Number);
    }

    // Left-associative chains (a + b + c + ...) are walked with a loop, so their length costs no stack depth.
    private Typed? TranslateBinary(BinaryExpressionSyntax node, int depth)
    {
        var spine = new Stack<BinaryExpressionSyntax>();
        ExpressionSyntax current = node;
        while (current is BinaryExpressionSyntax binary && !binary.IsKind(SyntaxKind.CoalesceExpression))
        {
            spine.Push(binary);
            current = binary.Left;
        }
        var left = Translate(current, depth + 1);
        while (spine.Count > 0)
        {
            var binary = spine.Pop();
            if (!IsAllowedBinary(binary.Kind()))
            {
                Fail(binary.OperatorToken.Span, ExpressionMessages.OperatorNotAllowed(binary.OperatorToken.Text));
                left = null;
                continue;
            }
            var right = Translate(binary.Right, depth + 1);
            left = left is { } l && right is { } r ? Combine(binary, l, r) : null;
        }
        return left;
    }

    private static bool IsAllowedBinary(SyntaxKind kind) => kind is
        SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression
        or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression
        or SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
        or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression
        or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression
        or SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression;

    private Typed? Combine(BinaryExpressionSyntax node, Typed left, Typed right)
    {
        var op = node.OperatorToken.Text;
        var where = ExpressionMessages.Operator(op);
        switch (node.Kind())
        {
            case SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression:
                if (!RequireKind(node.Left, left, ValueKind.Boolean, where) | !RequireKind(node.Right, right, ValueKind.Boolean, where))
                {
                    return null;
                }
                return new Typed(
                    node.IsKind(SyntaxKind.LogicalAndExpression)
                        ? Expression.AndAlso(left.Expression, right.Expression)
                        : Expression.OrElse(left.Expression, right.Expression),
                    ValueKind.Boolean);
            case SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression:
                if (left.Kind != right.Kind)
                {
                    return Fail(node.OperatorToken.Span, ExpressionMessages.KindsDiffer(where));
                }
                var type = node.IsKind(SyntaxKind.EqualsExpression) ? ExpressionType.Equal : ExpressionType.NotEqual;
                return new Typed(
                    left.Kind == ValueKind.Number
                        ? Compare(type, left.Expression, right.Expression)
                        : Expression.MakeBinary(type, left.Expression, right.Expression),
                    ValueKind.Boolean);
        }
        if (!RequireKind(node.Left, left, ValueKind.Number, where) | !RequireKind(node.Right, right, ValueKind.Number, where))
        {
            return null;
        }
        return node.Kind() switch
        {
            SyntaxKind.LessThanExpression => Comparison(ExpressionType.LessThan),
            SyntaxKind.LessThanOrEqualExpression => Comparison(ExpressionType.LessThanOrEqual),
            SyntaxKind.GreaterThanExpression => Comparison(ExpressionType.GreaterThan),
            SyntaxKind.GreaterThanOrEqualExpression => Comparison(ExpressionType.GreaterThanOrEqual),
            SyntaxKind.AddExpression => Arithmetic(Expression.Add(left.Expression, right.Expression)),
            SyntaxKind.SubtractExpression => Arithmetic(Expression.Subtract(left.Expression, right.Expression)),
            SyntaxKind.MultiplyExpression => Arithmetic(Expression.Multiply(left.Expression, right.Expression)),
            SyntaxKind.DivideExpression => Arithmetic(_math.Divide is { } divide
                ? Expression.Call(divide, left.Expression, right.Expression)
                : Expression.Divide(left.Expression, right.Expression)),
            _ => Arithmetic(_math.Remainder is { } remainder
                ? Expression.Call(remainder, left.Expression, right.Expression)
                : Expression.Modulo(left.Expression, right.Expression)),
        };

        Typed Comparison(ExpressionType type) => new(Compare(type, left.Expression, right.Expression), ValueKind.Boolean);
    }

    private Typed Arithmetic(Expression expression)
    {
        MayThrow = true;
        return new Typed(expression, ValueKind.Number);
    }

    private Expression Compare(ExpressionType type, Expression left, Expression right) =>
        _options.ComparisonRewriter is { } rewrite ? rewrite(type, left, right) : Expression.MakeBinary(type, left, right);

    private Typed? TranslateCoalesce(BinaryExpressionSyntax node, int depth)
    {
        var leftSyntax = StripParentheses(node.Left);
        Typed? fallback = Translate(node.Right, depth + 1);
        if (leftSyntax is not IdentifierNameSyntax identifier)
        {
            return Fail(node.Left.Span, ExpressionMessages.CoalesceLeft);
        }
        var value = TranslateIdentifier(identifier);
        if (value is not { } v || fallback is not { } f)
        {
            return null;
        }
        if (v.Kind != f.Kind)
        {
            return Fail(node.OperatorToken.Span, ExpressionMessages.KindsDiffer(ExpressionMessages.Operator("??")));
        }
        return _scope.TryResolvePresence(identifier.Identifier.ValueText, out var isPresent)
            ? new Typed(Expression.Condition(isPresent, v.Expression, f.Expression), v.Kind)
            : v;
    }

    private Typed? TranslateConditional(ConditionalExpressionSyntax node, int depth)
    {
        var condition = Translate(node.Condition, depth + 1);
        var whenTrue = Translate(node.WhenTrue, depth + 1);
        var whenFalse = Translate(node.WhenFalse, depth + 1);
        return BuildConditional(node.Condition, condition, whenTrue, whenFalse, node.ColonToken.Span, ExpressionMessages.Operator("?:"));
    }

    private Typed? BuildConditional(
        SyntaxNode conditionSyntax, Typed? condition, Typed? whenTrue, Typed? whenFalse,
        Microsoft.CodeAnalysis.Text.TextSpan mismatchSpan, string where)
    {
        if (condition is not { } c || whenTrue is not { } t || whenFalse is not { } f)
        {
            return null;
        }
        if (!RequireKind(conditionSyntax, c, ValueKind.Boolean, where))
        {
            return null;
        }
        if (t.Kind != f.Kind)
        {
            return Fail(mismatchSpan, ExpressionMessages.KindsDiffer(where));
        }
        return new Typed(Expression.Condition(c.Expression, t.Expression, f.Expression), t.Kind);
    }

    private bool RequireKind(SyntaxNode syntax, Typed value, ValueKind kind, string where)
    {
        if (value.Kind == kind)
        {
            return true;
        }
        Fail(syntax.Span, kind == ValueKind.Number ? ExpressionMessages.NeedsNumber(where) : ExpressionMessages.NeedsBoolean(where));
        return false;
    }

    private Typed? Fail(Microsoft.CodeAnalysis.Text.TextSpan span, string message)
    {
        _errors.Add(new ExpressionError(message, span.Start + 1, span.Length));
        return null;
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan TextSpanOf(SyntaxNode first, SyntaxNode last) =>
        Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.Span.Start, last.Span.End);

    internal static ExpressionSyntax StripParentheses(ExpressionSyntax node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }
        return node;
    }

    private static string? DottedName(ExpressionSyntax node)
    {
        var parts = new Stack<string>();
        while (true)
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                    when access.Name is IdentifierNameSyntax member:
                    parts.Push(member.Identifier.ValueText);
                    node = access.Expression;
                    continue;
                case IdentifierNameSyntax identifier:
                    parts.Push(identifier.Identifier.ValueText);
                    return string.Join('.', parts);
                default:
                    return null;
            }
        }
    }
}
