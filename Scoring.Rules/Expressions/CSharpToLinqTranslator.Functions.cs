using System.Linq.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Scoring.Rules.Expressions;

/// <summary>The function calls: Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio and If.</summary>
internal sealed partial class CSharpToLinqTranslator
{
    private Typed? TranslateInvocation(InvocationExpressionSyntax node, int depth)
    {
        if (node.Expression is not IdentifierNameSyntax nameSyntax)
        {
            var described = node.Expression is MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
                ? ExpressionMessages.MethodNotAllowed(node.Expression.ToString())
                : node.Expression is GenericNameSyntax generic
                    ? ExpressionMessages.NotAllowed($"Lời gọi hàm generic '{generic}'")
                    : node.Expression is ParenthesizedExpressionSyntax or InvocationExpressionSyntax || node.Expression.IsKind(SyntaxKind.NumericLiteralExpression)
                        ? ExpressionMessages.NotAFunctionName(node.Expression.ToString())
                        : ExpressionMessages.NotAllowed(SyntaxDescriptions.Describe(node.Expression));
            return Fail(node.Expression.Span, described);
        }
        var name = nameSyntax.Identifier.ValueText;
        if (!FunctionNames.IsKnown(name))
        {
            var correct = FunctionNames.FindIgnoringCase(name);
            return Fail(nameSyntax.Span, correct is null
                ? ExpressionMessages.UnknownFunction(name, NameSuggestion.Find(name, FunctionNames.All))
                : ExpressionMessages.FunctionCaseMismatch(name, correct));
        }
        var arguments = node.ArgumentList.Arguments;
        var values = new Typed?[arguments.Count];
        var ok = true;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is not null)
            {
                Fail(argument.Span, ExpressionMessages.NamedArgument(name));
                ok = false;
                continue;
            }
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                Fail(argument.Span, ExpressionMessages.RefArgument(name));
                ok = false;
                continue;
            }
            values[i] = Translate(argument.Expression, depth + 1);
            ok &= values[i] is not null;
        }
        if (!CheckArity(node, name, arguments.Count))
        {
            return null;
        }
        if (!ok)
        {
            return null;
        }
        var args = new Typed[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            args[i] = values[i]!.Value;
        }
        return name switch
        {
            FunctionNames.If => BuildConditional(
                arguments[0].Expression, args[0], args[1], args[2], arguments[2].Span, "If(condition, a, b)"),
            FunctionNames.Min or FunctionNames.Max => TranslateMinMax(name, arguments, args),
            FunctionNames.Clamp => TranslateClamp(arguments, args),
            FunctionNames.Round => TranslateRound(arguments, args),
            FunctionNames.Floor => NumberFunction(name, arguments, args, x => _options.FloorRewriter is { } f ? f(x) : Expression.Call(_math.Floor, x)),
            FunctionNames.Ceiling => NumberFunction(name, arguments, args, x => _options.CeilingRewriter is { } f ? f(x) : Expression.Call(_math.Ceiling, x)),
            FunctionNames.Abs => NumberFunction(name, arguments, args, x => Expression.Call(_math.Abs, x)),
            _ => TranslateRatio(arguments, args),
        };
    }

    private bool CheckArity(InvocationExpressionSyntax node, string name, int count)
    {
        var (min, max, text) = FunctionNames.Arity(name);
        if (count >= min && count <= max)
        {
            return true;
        }
        Fail(node.ArgumentList.Span, ExpressionMessages.ArgumentCount(name, text, count));
        return false;
    }

    private bool AllNumbers(string name, SeparatedSyntaxList<ArgumentSyntax> arguments, Typed[] args)
    {
        var ok = true;
        for (var i = 0; i < args.Length; i++)
        {
            ok &= RequireKind(arguments[i].Expression, args[i], ValueKind.Number, name + "(...)");
        }
        return ok;
    }

    private Typed? NumberFunction(string name, SeparatedSyntaxList<ArgumentSyntax> arguments, Typed[] args, Func<Expression, Expression> build) =>
        AllNumbers(name, arguments, args) ? new Typed(build(args[0].Expression), ValueKind.Number) : null;

    private Typed? TranslateMinMax(string name, SeparatedSyntaxList<ArgumentSyntax> arguments, Typed[] args)
    {
        if (!AllNumbers(name, arguments, args))
        {
            return null;
        }
        var method = name == FunctionNames.Min ? _math.Min : _math.Max;
        var result = args[0].Expression;
        for (var i = 1; i < args.Length; i++)
        {
            result = Expression.Call(method, result, args[i].Expression);
        }
        return new Typed(result, ValueKind.Number);
    }

    // Clamp(x, lo, hi) = Min(Max(x, lo), hi): defined even when lo > hi at run time (hi wins); literal bounds are checked here.
    private Typed? TranslateClamp(SeparatedSyntaxList<ArgumentSyntax> arguments, Typed[] args)
    {
        if (!AllNumbers(FunctionNames.Clamp, arguments, args))
        {
            return null;
        }
        if (args[1].Expression is ConstantExpression lo && args[2].Expression is ConstantExpression hi
            && Comparer<object>.Default.Compare(lo.Value, hi.Value) > 0)
        {
            return Fail(TextSpanOf(arguments[1], arguments[2]), ExpressionMessages.ClampBounds);
        }
        var clamped = Expression.Call(_math.Min, Expression.Call(_math.Max, args[0].Expression, args[1].Expression), args[2].Expression);
        return new Typed(clamped, ValueKind.Number);
    }

    private Typed? TranslateRound(SeparatedSyntaxList<ArgumentSyntax> arguments, Typed[] args)
    {
        if (!RequireKind(arguments[0].Expression, args[0], ValueKind.Number, "Round(...)"))
        {
            return null;
        }
        int? digits = null;
        if (arguments.Count == 2)
        {
            if (arguments[1].Expression is not LiteralExpressionSyntax { Token.Value: int d } || d > RuleExpressionCompiler.MaxRoundDigits)
            {
                return Fail(arguments[1].Span, ExpressionMessages.RoundDigits(RuleExpressionCompiler.MaxRoundDigits));
            }
            digits = d;
        }
        var x = args[0].Expression;
        var rounded = _options.RoundRewriter is { } rewrite
            ? rewrite(x, digits)
            : Expression.Call(_math.Round, x, Expression.Constant(digits ?? 0), Expression.Constant(MidpointRounding.AwayFromZero));
        return new Typed(rounded, ValueKind.Number);
    }

    // Ratio(a, b[, whenZero]) = b == 0 ? whenZero (default 0) : a / b. The divisor is evaluated once.
    private Typed? TranslateRatio(SeparatedSyntaxList<ArgumentSyntax> arguments, Typed[] args)
    {
        if (!AllNumbers(FunctionNames.Ratio, arguments, args))
        {
            return null;
        }
        var whenZero = args.Length == 3 ? args[2].Expression : _math.Zero;
        var divisor = args[1].Expression;
        MayThrow = true; // a / b can still overflow
        if (divisor is ParameterExpression or ConstantExpression)
        {
            return new Typed(RatioBody(args[0].Expression, divisor, whenZero), ValueKind.Number);
        }
        var temp = Expression.Variable(_math.NumberType, "divisor");
        var block = Expression.Block(
            _math.NumberType,
            [temp],
            Expression.Assign(temp, divisor),
            RatioBody(args[0].Expression, temp, whenZero));
        return new Typed(block, ValueKind.Number);
    }

    private Expression RatioBody(Expression dividend, Expression divisor, Expression whenZero) =>
        Expression.Condition(
            Compare(ExpressionType.Equal, divisor, _math.Zero),
            whenZero,
            Expression.Divide(dividend, divisor));
}
