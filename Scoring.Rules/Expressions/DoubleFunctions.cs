namespace Scoring.Rules.Expressions;

/// <summary>
/// Double-mode division that mirrors decimal: a zero divisor throws instead of giving Infinity or NaN.
/// </summary>
internal static class DoubleFunctions
{
    public static double Divide(double dividend, double divisor) =>
        divisor == 0d ? throw new DivideByZeroException() : dividend / divisor;

    public static double Remainder(double dividend, double divisor) =>
        divisor == 0d ? throw new DivideByZeroException() : dividend % divisor;
}
