using System.Collections.Immutable;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The indicator values of many units for one rule set, row by row (unit × indicator), kept twice: exact
/// decimals (the reference) and their nearest doubles (the fast path). Build it with <see cref="IndicatorTableBuilder"/>.
/// </summary>
internal sealed class IndicatorTable
{
    internal IndicatorTable(ImmutableArray<string> indicatorIds, int unitCount, decimal[] decimals, double[] doubles, bool[] missing, int[] exactUnits)
    {
        IndicatorIds = indicatorIds;
        UnitCount = unitCount;
        Decimals = decimals;
        Doubles = doubles;
        Missing = missing;
        ExactUnits = exactUnits;
        HasMissing = Array.IndexOf(missing, true) >= 0;
    }

    public ImmutableArray<string> IndicatorIds { get; }

    public int UnitCount { get; }

    public int IndicatorCount => IndicatorIds.Length;

    internal decimal[] Decimals { get; }

    internal double[] Doubles { get; }

    internal bool[] Missing { get; }

    internal bool HasMissing { get; }

    /// <summary>Units the double kernel cannot take (a value missing, or an input with more than 15 significant digits).</summary>
    internal int[] ExactUnits { get; }

    /// <summary>The value of an indicator for a unit, or null when it is missing.</summary>
    public decimal? this[int unit, int indicator]
    {
        get
        {
            var i = unit * IndicatorCount + indicator;
            return Missing[i] ? null : Decimals[i];
        }
    }
}
