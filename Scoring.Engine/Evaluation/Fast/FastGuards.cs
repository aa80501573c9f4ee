using System.Reflection;
using System.Runtime.CompilerServices;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The guard tests of the double kernel. A computed double is within a few ulps (≈ 1e-16 relative) of the
/// exact value; the tolerances here are ~10^7 times wider, so "not near" in double means "same side" exactly.
/// </summary>
internal static class FastGuards
{
    /// <summary>Relative tolerance, 2^-30 ≈ 9.3e-10.</summary>
    public const double Relative = 1.0 / (1L << 30);

    /// <summary>Beyond about 7.9e28 decimal overflows; a double that far out must take the exact path.</summary>
    public const double DecimalRange = 7.9e28;

    /// <summary>Absolute floor for comparisons, 2^-40 ≈ 9.1e-13 (absorbs cancellation near zero).</summary>
    public const double Absolute = 1.0 / (1L << 40);

    /// <summary>Absolute floor for the rounding test in scaled units (10^-precision), 2^-20 ≈ 9.5e-7.</summary>
    public const double ScaledAbsolute = 1.0 / (1L << 20);

    /// <summary>Scaled points must stay below 2^52 to be whole numbers held exactly.</summary>
    public const double MaxScaled = 4_503_599_627_370_496.0;

    public static readonly MethodInfo NearMethod = typeof(FastGuards).GetMethod(nameof(Near))!;
    public static readonly MethodInfo NearConstantMethod = typeof(FastGuards).GetMethod(nameof(NearConstant))!;
    public static readonly MethodInfo OffMidpointMethod = typeof(FastGuards).GetMethod(nameof(OffMidpoint))!;
    public static readonly MethodInfo OffMidpointWithinMethod = typeof(FastGuards).GetMethod(nameof(OffMidpointWithin))!;
    public static readonly MethodInfo NearIntegerMethod = typeof(FastGuards).GetMethod(nameof(NearInteger))!;

    /// <summary>True when a and b may be equal, or either is NaN/infinite: the comparison cannot be trusted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Near(double a, double b) =>
        !(Math.Abs(a - b) > Relative * (Math.Abs(a) + Math.Abs(b)) + Absolute);

    /// <summary>
    /// <see cref="Near"/> against a constant b with the tolerance precomputed by <see cref="ToleranceFor"/>: it fires
    /// whenever <see cref="Near"/> would (a superset), on NaN, and when a is out of decimal's range (infinite
    /// included), where the exact path reports an overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NearConstant(double a, double b, double tolerance)
    {
        var d = Math.Abs(a - b);
        return !(d > tolerance && d < DecimalRange);
    }

    /// <summary>
    /// If |a − b| ≤ Rel(|a| + |b|) + Abs then |a| ≤ |b| + |a − b|, so |a − b| ≤ (2·Rel·|b| + Abs) / (1 − Rel);
    /// the extra (1 + 2·Rel) factor covers that division and the rounding of this product.
    /// </summary>
    public static double ToleranceFor(double constant) => (2 * Relative * Math.Abs(constant) + Absolute) * (1 + 2 * Relative);

    /// <summary>True when scaled value s is safely away from the midpoint between integers (and finite, in range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OffMidpoint(double s, double rounded) =>
        Math.Abs(s - rounded) < 0.5 - (Relative * Math.Abs(s) + ScaledAbsolute) && Math.Abs(s) < MaxScaled;

    /// <summary>
    /// <see cref="OffMidpoint"/> for a value that is then clamped to [0, maxScaled] with maxScaled &lt; 2^52: beyond
    /// maxScaled + 1 the rounding cannot change the clamped result, so one tolerance computed for maxScaled + 1
    /// covers every s that matters (and NaN still fails the test).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OffMidpointWithin(double s, double rounded, double tolerance) => Math.Abs(s - rounded) < 0.5 - tolerance;

    /// <summary>The tolerance <see cref="OffMidpointWithin"/> needs for values clamped to [0, maxScaled].</summary>
    public static double MidpointTolerance(double maxScaled) => Relative * (maxScaled + 1) + ScaledAbsolute;

    /// <summary>True when x may be an integer (for Floor/Ceiling/Truncate), or is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NearInteger(double x) =>
        !(Math.Abs(x - Math.Round(x)) > Relative * Math.Abs(x) + Absolute);
}
