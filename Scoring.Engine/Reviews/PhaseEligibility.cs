using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Engine.Reviews;

/// <summary>
/// A phase award's eligibility expression compiled over the phase's measures and rank, groupSize, yearsScored
/// (every name always has a value). The values are passed in <see cref="Names"/> order.
/// </summary>
internal sealed class PhaseEligibility : IExpressionScope
{
    private readonly ParameterExpression values = Expression.Parameter(typeof(decimal[]), "values");
    private readonly Func<decimal[], bool> evaluate;

    public PhaseEligibility(string text, IReadOnlyList<string> names, string path)
    {
        Names = names;
        var translation = RuleExpressionCompiler.Translate(text, this, NumericMode.Decimal, ValueKind.Boolean);
        if (!translation.Succeeded || translation.Kind != ValueKind.Boolean)
        {
            throw new ArgumentException($"{path}: biểu thức điều kiện \"{text}\" không dịch được: "
                                        + string.Join("; ", translation.Errors.Select(e => e.Message)), nameof(text));
        }
        evaluate = Expression.Lambda<Func<decimal[], bool>>(translation.Body!, values).Compile();
    }

    public IReadOnlyList<string> Names { get; }

    IEnumerable<string> IExpressionScope.KnownNames => Names;

    /// <summary>False also when the expression fails at run time (a division by zero): the unit is then not eligible.</summary>
    public bool Holds(decimal[] arguments)
    {
        try
        {
            return evaluate(arguments);
        }
        catch (Exception ex) when (ex is RuleEvaluationException or OverflowException or DivideByZeroException)
        {
            return false;
        }
    }

    public bool TryResolve(string name, out Expression expression, out ValueKind kind)
    {
        kind = ValueKind.Number;
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                expression = Expression.ArrayIndex(values, Expression.Constant(i));
                return true;
            }
        }
        expression = Expression.Empty();
        return false;
    }

    public bool TryResolvePresence(string name, out Expression isPresent)
    {
        isPresent = Expression.Constant(true);
        return false;
    }
}
