using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>Fills an <see cref="IndicatorTable"/> unit by unit; unset values take the indicator's default or are missing.</summary>
internal sealed class IndicatorTableBuilder
{
    private readonly ImmutableArray<IndicatorDefinition> _indicators;
    private readonly Dictionary<string, int> _index;
    private readonly int _unitCount;
    private readonly decimal[] _decimals;
    private readonly bool[] _set;

    public IndicatorTableBuilder(ImmutableArray<IndicatorDefinition> indicators, int unitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitCount);
        _indicators = indicators;
        _index = indicators.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _unitCount = unitCount;
        _decimals = new decimal[unitCount * indicators.Length];
        _set = new bool[_decimals.Length];
    }

    public int IndexOf(string indicatorId) =>
        _index.TryGetValue(indicatorId, out var i) ? i : throw new ArgumentException($"'{indicatorId}' is not an indicator of this rule set.", nameof(indicatorId));

    public IndicatorTableBuilder Set(int unit, int indicator, decimal value)
    {
        var i = unit * _indicators.Length + indicator;
        _decimals[i] = value;
        _set[i] = true;
        return this;
    }

    public IndicatorTableBuilder Set(int unit, string indicatorId, IndicatorValue value) => Set(unit, IndexOf(indicatorId), value.Number);

    /// <summary>The table; it takes over the builder's values, so build once.</summary>
    public IndicatorTable Build()
    {
        var k = _indicators.Length;
        var doubles = new double[_decimals.Length];
        var missing = new bool[_decimals.Length];
        var exactUnits = new List<int>();
        for (var u = 0; u < _unitCount; u++)
        {
            var exact = false;
            for (var j = 0; j < k; j++)
            {
                var i = u * k + j;
                if (!_set[i])
                {
                    if (_indicators[j].Default is { } d)
                    {
                        _decimals[i] = d.Number;
                    }
                    else
                    {
                        missing[i] = true;
                        doubles[i] = double.NaN;
                        exact = true;
                        continue;
                    }
                }
                doubles[i] = DecimalDoubles.ToDouble(_decimals[i], out var isShort);
                exact |= !isShort;
            }
            if (exact)
            {
                exactUnits.Add(u);
            }
        }
        return new IndicatorTable([.. _indicators.Select(d => d.Id)], _unitCount, _decimals, doubles, missing, [.. exactUnits]);
    }
}
