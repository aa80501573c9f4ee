using System.Linq.Expressions;
using System.Reflection;

namespace Scoring.Rules.Expressions;

/// <summary>
/// The static methods the generated trees call, for one numeric type. Every call takes and returns the unboxed
/// number type, so evaluation neither boxes nor allocates.
/// </summary>
internal sealed class NumericMethods
{
    public static readonly NumericMethods Decimal = new(typeof(decimal), typeof(decimal));
    public static readonly NumericMethods Double = new(typeof(double), typeof(DoubleFunctions));

    private NumericMethods(Type number, Type divisionHost)
    {
        NumberType = number;
        Zero = number == typeof(decimal) ? Expression.Constant(0m) : Expression.Constant(0d);
        Min = Find(typeof(Math), nameof(Math.Min), number, number);
        Max = Find(typeof(Math), nameof(Math.Max), number, number);
        Abs = Find(typeof(Math), nameof(Math.Abs), number);
        Floor = Find(typeof(Math), nameof(Math.Floor), number);
        Ceiling = Find(typeof(Math), nameof(Math.Ceiling), number);
        Round = Find(typeof(Math), nameof(Math.Round), number, typeof(int), typeof(MidpointRounding));
        // decimal's own operators already throw DivideByZeroException; double needs helpers that do the same.
        Divide = number == typeof(decimal) ? null : Find(divisionHost, nameof(DoubleFunctions.Divide), number, number);
        Remainder = number == typeof(decimal) ? null : Find(divisionHost, nameof(DoubleFunctions.Remainder), number, number);
    }

    public Type NumberType { get; }

    public ConstantExpression Zero { get; }

    public MethodInfo Min { get; }

    public MethodInfo Max { get; }

    public MethodInfo Abs { get; }

    public MethodInfo Floor { get; }

    public MethodInfo Ceiling { get; }

    public MethodInfo Round { get; }

    /// <summary>Null when the plain operator already throws on a zero divisor (decimal).</summary>
    public MethodInfo? Divide { get; }

    public MethodInfo? Remainder { get; }

    public Expression Constant(decimal value) =>
        NumberType == typeof(decimal) ? Expression.Constant(value) : Expression.Constant((double)value);

    private static MethodInfo Find(Type host, string name, params Type[] parameters) =>
        host.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
        ?? throw new InvalidOperationException($"{host.Name}.{name} not found.");
}
