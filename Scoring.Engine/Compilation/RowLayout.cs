using System.Collections.Frozen;
using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Engine.Compilation;

/// <summary>Maps indicator ids and the derived names (total, rank, ...) to slots of a <see cref="ValueRow"/>.</summary>
internal sealed class RowLayout
{
    /// <summary>Derived names, in slot order after the indicators.</summary>
    public static readonly ImmutableArray<string> DerivedNames = ["total", "basePoints", "bonus", "penalty", "rank", "groupSize", "year"];

    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);

    public RowLayout(ImmutableArray<IndicatorDefinition> indicators)
    {
        Indicators = indicators;
        for (var i = 0; i < indicators.Length; i++)
        {
            slots[indicators[i].Id] = i;
        }
        for (var i = 0; i < DerivedNames.Length; i++)
        {
            slots.TryAdd(DerivedNames[i], indicators.Length + i);
        }
    }

    public ImmutableArray<IndicatorDefinition> Indicators { get; }

    /// <summary>Indicator id → slot (indicators only), for reading a unit's submitted values in one pass.</summary>
    public System.Collections.Frozen.FrozenDictionary<string, int> IndicatorSlots =>
        indicatorSlots ??= Indicators.Select((d, i) => (d.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private System.Collections.Frozen.FrozenDictionary<string, int>? indicatorSlots;

    public int Size => Indicators.Length + DerivedNames.Length;

    public int TotalSlot => Slot("total");

    public int BasePointsSlot => Slot("basePoints");

    public int BonusSlot => Slot("bonus");

    public int PenaltySlot => Slot("penalty");

    public int RankSlot => Slot("rank");

    public int GroupSizeSlot => Slot("groupSize");

    /// <summary>The scoring year, which every expression may read (set when the row is built).</summary>
    public int YearSlot => Slot("year");

    public bool TryGetSlot(string name, out int slot) => slots.TryGetValue(name, out slot);

    public bool IsIndicator(int slot) => slot < Indicators.Length;

    public IndicatorDefinition? IndicatorAt(int slot) => slot < Indicators.Length ? Indicators[slot] : null;

    /// <summary>Builds a unit's row for a scoring year: submitted values, else the indicator's default, else missing.</summary>
    public ValueRow BuildRow(IReadOnlyDictionary<string, IndicatorValue> values, int year) => BuildRow(values, year, out _);

    /// <inheritdoc cref="BuildRow(IReadOnlyDictionary{string, IndicatorValue}, int)"/>
    /// <param name="values">The submitted values.</param>
    /// <param name="year">The scoring year (the <c>year</c> of expressions).</param>
    /// <param name="submitted">How many of the indicators were among <paramref name="values"/>.</param>
    public ValueRow BuildRow(IReadOnlyDictionary<string, IndicatorValue> values, int year, out int submitted)
    {
        submitted = 0;
        var row = new ValueRow(Size);
        for (var i = 0; i < Indicators.Length; i++)
        {
            var definition = Indicators[i];
            if (values.TryGetValue(definition.Id, out var value))
            {
                row.Values[i] = value.Number;
                row.Present[i] = true;
                submitted++;
            }
            else if (definition.Default is { } fallback)
            {
                row.Values[i] = fallback.Number;
                row.Present[i] = true;
            }
        }
        for (var i = Indicators.Length; i < Size; i++)
        {
            row.Present[i] = true;
        }
        row.Values[YearSlot] = year;
        return row;
    }

    /// <summary>A unit's row from the per-unit pass's input table (defaults already applied there).</summary>
    public ValueRow RowFromTable(Evaluation.Fast.IndicatorTable table, int unit, int year)
    {
        var row = new ValueRow(Size);
        var offset = unit * table.IndicatorCount;
        for (var i = 0; i < Indicators.Length; i++)
        {
            row.Present[i] = !table.Missing[offset + i];
            row.Values[i] = row.Present[i] ? table.Decimals[offset + i] : 0m;
        }
        for (var i = Indicators.Length; i < Size; i++)
        {
            row.Present[i] = true;
        }
        row.Values[YearSlot] = year;
        return row;
    }

    private int Slot(string name) => slots[name];
}
