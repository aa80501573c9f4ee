namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The exact representation (bits, not just the value) of the one or two inputs of a criterion: equal keys mean
/// the exact evaluation sees identical operands, so its result can be reused within one scoring.
/// </summary>
internal readonly record struct ExactCacheKey(int A0, int A1, int A2, int A3, int B0, int B1, int B2, int B3)
{
    public static ExactCacheKey From(decimal a, decimal b)
    {
        Span<int> x = stackalloc int[4];
        Span<int> y = stackalloc int[4];
        decimal.GetBits(a, x);
        decimal.GetBits(b, y);
        return new(x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3]);
    }
}
