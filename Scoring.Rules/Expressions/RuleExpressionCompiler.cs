using System.Collections.Immutable;
using System.Linq.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Translates a C#-syntax rule expression into a System.Linq.Expressions tree over a whitelist: number literals
/// (read exactly from their text), true/false, declared identifiers (through <see cref="IExpressionScope"/>),
/// parentheses, unary <c>- + !</c>, <c>+ - * / %</c>, <c>&lt; &lt;= &gt; &gt;= == !=</c>, <c>&amp;&amp; ||</c>, <c>?:</c>,
/// <c>name ?? fallback</c>, and the functions Min, Max (2+ arguments), Clamp(x, lo, hi), Round(x[, digits 0..10],
/// half away from zero), Floor, Ceiling, Abs, Ratio(a, b[, whenZero]) and If(condition, a, b). Everything else is
/// an <see cref="ExpressionError"/> with the 1-based column and length in the expression text.
/// </summary>
/// <remarks>
/// <para>Semantics at evaluation time:</para>
/// <list type="bullet">
/// <item><c>a / b</c> and <c>a % b</c> with b = 0 throw <see cref="RuleEvaluationException"/> (explicit beats a silent
/// 0; its message recommends <c>Ratio(a, b)</c>, which yields 0, or whenZero, for a zero denominator).</item>
/// <item>A decimal overflow (beyond ±7.9e28) also throws <see cref="RuleEvaluationException"/>.</item>
/// <item>Clamp(x, lo, hi) is Min(Max(x, lo), hi); literal bounds with lo &gt; hi are a translation error.</item>
/// <item>Double mode mirrors decimal mode: same functions, same rounding, division by an exact 0 throws too.
/// Double can differ from decimal near discontinuities (comparisons, Round, Floor, Ceiling, Ratio's zero test,
/// <c>%</c>); the hooks in <see cref="ExpressionTranslationOptions"/> let a caller guard them.</item>
/// </list>
/// <para>Limits: <see cref="MaxLength"/> characters and <see cref="MaxDepth"/> nesting levels; deeper input is an
/// error, never a stack overflow (a character scan runs before Roslyn, and translation counts its depth).</para>
/// <para>Translation is pure and not cached here: callers compile once per rule-set hash.</para>
/// </remarks>
public static class RuleExpressionCompiler
{
    /// <summary>The longest expression text accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting accepted (parentheses, calls, unary operators, ?:).</summary>
    public const int MaxDepth = 64;

    /// <summary>The largest digits argument of Round(x, digits).</summary>
    public const int MaxRoundDigits = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The function names an expression may call, for documentation and editors.</summary>
    public static ImmutableArray<string> Functions { get; } = [.. FunctionNames.All];

    /// <summary>Translate <paramref name="source"/>; numbers are computed in <paramref name="mode"/>'s type.</summary>
    public static ExpressionTranslation Translate(string source, IExpressionScope scope, NumericMode mode, ValueKind expected) =>
        Translate(source, scope, mode, expected, null);

    /// <summary>Translate with hooks (see <see cref="ExpressionTranslationOptions"/>); null means the defaults.</summary>
    public static ExpressionTranslation Translate(
        string source, IExpressionScope scope, NumericMode mode, ValueKind expected, ExpressionTranslationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scope);
        options ??= ExpressionTranslationOptions.Default;
        if (Precheck(source) is { } precheckError)
        {
            return Failed(expected, [precheckError]);
        }
        var syntax = Parse(source);
        var syntaxErrors = SyntaxErrors(syntax, source);
        if (!syntaxErrors.IsEmpty)
        {
            return Failed(expected, syntaxErrors);
        }
        var translator = new CSharpToLinqTranslator(scope, mode, options, MaxDepth);
        var result = translator.Translate(syntax, 0);
        var span = syntax.Span;
        if (translator.Errors.Count > 0 || result is not { } typed)
        {
            // Every failed node records an error; the fallback only keeps the "errors or a body" promise.
            return Failed(expected, translator.Errors.Count > 0
                ? [.. translator.Errors]
                : [new ExpressionError(ExpressionMessages.NotTranslated, span.Start + 1, span.Length)]);
        }
        if (typed.Kind != expected)
        {
            return Failed(expected, [new ExpressionError(ExpressionMessages.ResultKind(expected), span.Start + 1, span.Length)]);
        }
        var body = options.WrapArithmeticExceptions && translator.MayThrow
            ? WrapArithmeticExceptions(typed.Expression, source.Trim())
            : typed.Expression;
        return new ExpressionTranslation(body, expected, []);
    }

    /// <summary>The identifiers an expression reads, in order of first use (for missing-value handling and lint).</summary>
    /// <remarks>On input that does not parse this returns what it can (possibly nothing); <see cref="Translate(string, IExpressionScope, NumericMode, ValueKind)"/> reports the errors.</remarks>
    public static ExpressionInfo Analyze(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Precheck(source) is not null)
        {
            return new ExpressionInfo([], []);
        }
        return IdentifierCollector.Collect(Parse(source));
    }

    private static ExpressionError? Precheck(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return new ExpressionError(ExpressionMessages.Empty, 1, 0);
        }
        var tooDeep = ExpressionNesting.FindTooDeep(source, MaxDepth);
        if (tooDeep >= 0)
        {
            return new ExpressionError(ExpressionMessages.TooDeep(MaxDepth), tooDeep + 1, 1);
        }
        return source.Length > MaxLength
            ? new ExpressionError(ExpressionMessages.TooLong(source.Length, MaxLength), MaxLength + 1, source.Length - MaxLength)
            : null;
    }

    // consumeFullText: false, so trailing text is reported where it starts (Roslyn would blame the whole expression).
    private static ExpressionSyntax Parse(string source) =>
        SyntaxFactory.ParseExpression(source, 0, ParseOptions, consumeFullText: false);

    private static ImmutableArray<ExpressionError> SyntaxErrors(ExpressionSyntax syntax, string source)
    {
        var errors = ImmutableArray.CreateBuilder<ExpressionError>();
        var end = syntax.FullSpan.End;
        if (end < source.Length)
        {
            // ParseToken reports positions relative to the offset it was given.
            var token = SyntaxFactory.ParseToken(source, end);
            int start, length;
            if (token.Span.Length > 0 && end + token.Span.End <= source.Length)
            {
                (start, length) = (end + token.SpanStart, token.Span.Length);
            }
            else
            {
                // No real token (e.g. a stray '#' or an unterminated comment): point at the first character left over.
                start = end;
                while (start < source.Length - 1 && char.IsWhiteSpace(source[start]))
                {
                    start++;
                }
                length = 1;
            }
            errors.Add(new ExpressionError(
                ExpressionMessages.Syntax($"thừa '{source.Substring(start, length)}' sau khi biểu thức đã kết thúc"), start + 1, length));
        }
        foreach (var diagnostic in syntax.GetDiagnostics())
        {
            // Number range is judged by NumberLiteral against decimal, not by Roslyn against long/double.
            if (diagnostic.Severity != DiagnosticSeverity.Error || diagnostic.Id is "CS1021" or "CS0594")
            {
                continue;
            }
            var span = diagnostic.Location.SourceSpan;
            errors.Add(new ExpressionError(
                ExpressionMessages.Syntax(RoslynMessages.Translate(diagnostic)),
                span.Start + 1,
                span.Length));
        }
        return errors.ToImmutable();
    }

    private static ExpressionTranslation Failed(ValueKind expected, ImmutableArray<ExpressionError> errors) => new(null, expected, errors);

    // One try/catch around the whole body: free on the normal path, and the caller sees one exception type.
    private static Expression WrapArithmeticExceptions(Expression body, string source)
    {
        var ctor = typeof(RuleEvaluationException).GetConstructor([typeof(string), typeof(string), typeof(Exception)])!;
        var divide = Expression.Parameter(typeof(DivideByZeroException), "e");
        var overflow = Expression.Parameter(typeof(OverflowException), "e");
        return Expression.TryCatch(
            body,
            Expression.Catch(divide, Expression.Throw(
                Expression.New(ctor, Expression.Constant(ExpressionMessages.DivideByZero(source)), Expression.Constant(source), divide),
                body.Type)),
            Expression.Catch(overflow, Expression.Throw(
                Expression.New(ctor, Expression.Constant(ExpressionMessages.Overflow(source)), Expression.Constant(source), overflow),
                body.Type)));
    }
}
