using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>Fills an <see cref="IndicatorTable"/> unit by unit; unset values take the indicator's default or are missing.</summary>
internal sealed class IndicatorTableBuilder
{
    private readonly ImmutableArray<IndicatorDefinition> _indicators;
    private readonly int _unitCount;
    private readonly decimal[] _decimals;
    private readonly double[] _doubles;
    private readonly bool[] _missing;
    private readonly bool[] _long;
    private Dictionary<string, int>? _index;

    public IndicatorTableBuilder(ImmutableArray<IndicatorDefinition> indicators, int unitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitCount);
        _indicators = indicators;
        _unitCount = unitCount;
        _decimals = new decimal[unitCount * indicators.Length];
        _doubles = new double[_decimals.Length];
        _missing = new bool[_decimals.Length];
        Array.Fill(_missing, true); // "not set yet" until Build
        _long = new bool[unitCount];
    }

    public int IndexOf(string indicatorId)
    {
        _index ??= _indicators.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return _index.TryGetValue(indicatorId, out var i) ? i : throw new ArgumentException($"'{indicatorId}' is not an indicator of this rule set.", nameof(indicatorId));
    }

    /// <summary>Sets a value, converted to its nearest double at once (one pass over the values, not two).</summary>
    public IndicatorTableBuilder Set(int unit, int indicator, decimal value)
    {
        var i = unit * _indicators.Length + indicator;
        _decimals[i] = value;
        _doubles[i] = DecimalDoubles.ToDouble(value, out var isShort);
        _missing[i] = false;
        _long[unit] |= !isShort;
        return this;
    }

    public IndicatorTableBuilder Set(int unit, string indicatorId, IndicatorValue value) => Set(unit, IndexOf(indicatorId), value.Number);

    /// <summary>The table; it takes over the builder's values, so build once.</summary>
    public IndicatorTable Build()
    {
        var k = _indicators.Length;
        var exactUnits = new List<int>();
        var defaults = new (decimal Value, double Double, bool IsShort)?[k];
        for (var j = 0; j < k; j++)
        {
            if (_indicators[j].Default is { } d)
            {
                defaults[j] = (d.Number, DecimalDoubles.ToDouble(d.Number, out var isShort), isShort);
            }
        }
        for (var u = 0; u < _unitCount; u++)
        {
            var exact = _long[u];
            var row = u * k;
            if (Array.IndexOf(_missing, true, row, k) >= 0)
            {
                for (var j = 0; j < k; j++)
                {
                    var i = row + j;
                    if (!_missing[i])
                    {
                        continue;
                    }
                    if (defaults[j] is { } d)
                    {
                        _decimals[i] = d.Value;
                        _doubles[i] = d.Double;
                        _missing[i] = false;
                        exact |= !d.IsShort;
                    }
                    else
                    {
                        _doubles[i] = double.NaN;
                        exact = true;
                    }
                }
            }
            if (exact)
            {
                exactUnits.Add(u);
            }
        }
        return new IndicatorTable([.. _indicators.Select(d => d.Id)], _unitCount, _decimals, _doubles, _missing, [.. exactUnits]);
    }
}
