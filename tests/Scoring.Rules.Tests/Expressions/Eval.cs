using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>Translate-compile-run helpers shared by the expression tests.</summary>
internal static class Eval
{
    public static TestScope Scope(NumericMode mode = NumericMode.Decimal) =>
        new TestScope(mode)
            .Number("a", 10m).Number("b", 4m).Number("zero", 0m)
            .Number("staffTrained", 94.8m).Number("staffTotal", 118.5m)
            .Boolean("yes", true).Boolean("no", false);

    public static decimal Number(string source, TestScope? scope = null)
    {
        var translation = Translate(source, scope ?? Scope(), ValueKind.Number);
        return Run<decimal>(translation);
    }

    public static double Double(string source, TestScope? scope = null)
    {
        var translation = Translate(source, scope ?? Scope(NumericMode.Double), ValueKind.Number);
        return Run<double>(translation);
    }

    public static bool Boolean(string source, TestScope? scope = null)
    {
        var translation = Translate(source, scope ?? Scope(), ValueKind.Boolean);
        return Run<bool>(translation);
    }

    public static ExpressionTranslation Translate(string source, TestScope scope, ValueKind expected, ExpressionTranslationOptions? options = null)
    {
        var translation = RuleExpressionCompiler.Translate(source, scope, scope.Mode, expected, options);
        Assert.That(translation.Errors, Is.Empty, $"errors translating '{source}'");
        Assert.That(translation.Succeeded, Is.True);
        return translation;
    }

    /// <summary>The errors for an expression that must not translate.</summary>
    public static IReadOnlyList<ExpressionError> Errors(string source, ValueKind expected = ValueKind.Number, TestScope? scope = null)
    {
        var translation = RuleExpressionCompiler.Translate(source, scope ?? Scope(), NumericMode.Decimal, expected);
        Assert.That(translation.Succeeded, Is.False, $"'{source}' should not translate");
        Assert.That(translation.Body, Is.Null);
        Assert.That(translation.Errors, Is.Not.Empty);
        return translation.Errors;
    }

    public static T Run<T>(ExpressionTranslation translation) =>
        Expression.Lambda<Func<T>>(translation.Body!).Compile()();
}
