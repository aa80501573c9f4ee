using System.Collections.Immutable;
using NodaTime;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Engine.Tests.Equivalence;

/// <summary>
/// Seeded random units for any rule set that lean on the edges explanations must print exactly: missing values,
/// zeros (division by zero, no target), the declared bounds, values outside them, negatives, many decimals,
/// trailing zeros (7.50), thousands (1.200,5), huge values, dates on and around deadlines.
/// </summary>
internal static class EdgeUnits
{
    public static (ImmutableArray<GroupRecord> Groups, ImmutableArray<UnitRecord> Units) Generate(RuleSet rules, int seed, int count, int groupSize, int year)
    {
        var random = new Random(seed);
        var kind = rules.UnitKinds.IsDefaultOrEmpty ? "unit" : rules.UnitKinds[0].Value;
        var units = ImmutableArray.CreateBuilder<UnitRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var values = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
            foreach (var indicator in rules.Indicators)
            {
                if (random.NextDouble() < 0.08)
                {
                    continue;
                }
                values[indicator.Id] = indicator.Type switch
                {
                    IndicatorType.Boolean => IndicatorValue.FromBoolean(random.Next(2) == 0),
                    IndicatorType.Date => IndicatorValue.FromDate(new LocalDate(year, 1, 1).PlusDays(random.Next(-30, 420))),
                    _ => IndicatorValue.FromNumber(Number(random, indicator), indicator.Type),
                };
            }
            // Now and then a value the rule set does not declare (a note on the card).
            if (random.Next(15) == 0)
            {
                values["khongThuocBoTieuChi"] = IndicatorValue.FromNumber(1m);
            }
            units.Add(new UnitRecord($"E{i:0000}", $"Đơn vị {i}", random.Next(25) == 0 ? "loai-khac" : kind, random.Next(20) == 0, values.ToImmutable()));
        }
        var groups = units.Select((u, i) => (u, i)).GroupBy(x => x.i / groupSize)
            .Select(g => new GroupRecord($"G{g.Key:000}", $"Cụm {g.Key}", g.Key % 2 == 0 ? "cluster" : "bloc", [.. g.Select(x => x.u.Code)]))
            .ToImmutableArray();
        return (groups, units.ToImmutable());
    }

    private static decimal Number(Random random, IndicatorDefinition indicator)
    {
        var min = indicator.Min ?? 0m;
        var max = indicator.Max ?? (indicator.Type == IndicatorType.Percent ? 100m : min + 2000m);
        var inRange = min + ((max - min) * (decimal)random.NextDouble());
        return random.Next(14) switch
        {
            0 => 0m,
            1 => min,
            2 => max,
            3 => -Math.Round(inRange, 2) - 1m,
            4 => max * 3m + 0.5m,
            5 => Math.Round(inRange, 4) + 0.0000m * 1.00m, // trailing zeros in the scale: 12.3400
            6 => 123456789.125m,
            7 => random.Next(3) == 0 ? 1e15m + 0.25m : -1e15m, // not near decimal.MaxValue: relative then overflows outside its try (reported, not ours to change here)
            8 => Math.Round(inRange / 3m, 27),
            9 => decimal.Parse("12.500", System.Globalization.CultureInfo.InvariantCulture),
            10 => Math.Floor(inRange),
            _ => indicator.Type == IndicatorType.Count ? Math.Floor(inRange) : Math.Round(inRange, random.Next(0, 6)),
        };
    }
}
