using System.Runtime.CompilerServices;
using Scoring.Engine.Compilation;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// The exact inputs of a criterion that reads at most two slots: presence and the decimal's bits (scale included,
/// so 7.5 and 7.50 are different keys). Equal keys mean equal inputs, hence the same score and explanation.
/// </summary>
internal readonly record struct MemoKey(bool PresentA, Int128 BitsA, bool PresentB, Int128 BitsB)
{
    public static MemoKey For(ValueRow row, int[] slots)
    {
        var a = slots[0];
        return slots.Length == 1
            ? new MemoKey(row.Present[a], Unsafe.BitCast<decimal, Int128>(row.Values[a]), false, 0)
            : new MemoKey(row.Present[a], Unsafe.BitCast<decimal, Int128>(row.Values[a]), row.Present[slots[1]], Unsafe.BitCast<decimal, Int128>(row.Values[slots[1]]));
    }
}
