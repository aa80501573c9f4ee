using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Scoring.Bench.Generation;

/// <summary>
/// Generated units, row by row (unit × indicator in criteria.json order): the doubles as generated (booleans
/// 1/0, days as whole numbers) and the decimals parsed from their shortest round-trip text, so 94.8 is 94.8m.
/// </summary>
public sealed class WorkloadData(ImmutableArray<WorkloadIndicator> indicators, int unitCount, double[] doubles, decimal[] decimals)
{
    public ImmutableArray<WorkloadIndicator> Indicators { get; } = indicators;

    public int UnitCount { get; } = unitCount;

    public double[] Doubles { get; } = doubles;

    public decimal[] Decimals { get; } = decimals;

    /// <summary>The unit's CSV line exactly as gen.cs writes it.</summary>
    public string FormatRow(int unit)
    {
        var sb = new StringBuilder();
        sb.Append('U').Append((unit + 1).ToString("D6", CultureInfo.InvariantCulture));
        for (var k = 0; k < Indicators.Length; k++)
        {
            var v = Doubles[unit * Indicators.Length + k];
            sb.Append(',').Append(Indicators[k].Type switch
            {
                "boolean" => v != 0 ? "true" : "false",
                "dayOfYear" => ((int)v).ToString(CultureInfo.InvariantCulture),
                _ => v.ToString("R", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }
}
