using System.Collections.Immutable;
using NodaTime;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Engine.Tests;

/// <summary>Seeded random units over the example's indicators (about 10% of values missing), split into groups.</summary>
internal static class RandomUnits
{
    public static (ImmutableArray<GroupRecord> Groups, ImmutableArray<UnitRecord> Units, ImmutableArray<HistoryRecord> History) Generate(int seed, int count, int groupSize)
    {
        var random = new Random(seed);
        var units = ImmutableArray.CreateBuilder<UnitRecord>(count);
        var history = ImmutableArray.CreateBuilder<HistoryRecord>();
        string[] grades = ["xuat-sac", "tot", "hoan-thanh"];
        for (var i = 0; i < count; i++)
        {
            var code = $"X{i:0000}";
            var values = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
            void Put(string id, IndicatorValue value)
            {
                if (random.NextDouble() >= 0.1)
                {
                    values[id] = value;
                }
            }
            decimal Dec(int maxHundredths) => random.Next(0, maxHundredths + 1) / 100m;
            Put("dti", IndicatorValue.FromNumber(Dec(100)));
            Put("fullyOnlineProcedureRate", IndicatorValue.FromNumber(Dec(10000), IndicatorType.Percent));
            var staff = random.Next(0, 60);
            Put("staffTotal", IndicatorValue.FromNumber(staff, IndicatorType.Count));
            Put("staffTrained", IndicatorValue.FromNumber(random.Next(0, staff + 1), IndicatorType.Count));
            Put("residentsTrained", IndicatorValue.FromNumber(random.Next(0, 5000), IndicatorType.Count));
            Put("residentsTarget", IndicatorValue.FromNumber(random.Next(0, 4) == 0 ? 0 : random.Next(500, 3000), IndicatorType.Count));
            Put("initiativesRecognised", IndicatorValue.FromNumber(random.Next(0, 9), IndicatorType.Count));
            Put("cyberDrillHeld", IndicatorValue.FromBoolean(random.Next(2) == 0));
            Put("reportSubmittedOn", IndicatorValue.FromDate(new LocalDate(2025, 10, 20).PlusDays(random.Next(0, 60))));
            Put("securityIncidents", IndicatorValue.FromNumber(random.Next(0, 4), IndicatorType.Count));
            Put("pas766", IndicatorValue.FromNumber(Dec(10000)));
            units.Add(new UnitRecord(code, "Xã " + code, "locality", random.Next(40) == 0, values.ToImmutable()));
            history.Add(new HistoryRecord(code, 2024, grades[random.Next(grades.Length)], null));
        }
        var groups = units.Select((u, i) => (u, i)).GroupBy(x => x.i / groupSize)
            .Select(g => new GroupRecord($"C{g.Key:000}", $"Cụm {g.Key}", "cluster", [.. g.Select(x => x.u.Code)]))
            .ToImmutableArray();
        return (groups, units.ToImmutable(), history.ToImmutable());
    }

    /// <summary>Random units for any rule set, from its indicator declarations (type, min, max); about 10% missing.</summary>
    public static (ImmutableArray<GroupRecord> Groups, ImmutableArray<UnitRecord> Units) ForRuleSet(RuleSet rules, int seed, int count, int groupSize, int year)
    {
        var random = new Random(seed);
        var kind = rules.UnitKinds.IsDefaultOrEmpty ? "unit" : rules.UnitKinds[0].Value;
        var units = ImmutableArray.CreateBuilder<UnitRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var values = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
            foreach (var indicator in rules.Indicators)
            {
                if (random.NextDouble() < 0.1)
                {
                    continue;
                }
                var min = indicator.Min ?? 0m;
                var max = indicator.Max ?? (indicator.Type == IndicatorType.Percent ? 100m : min + 2000m);
                values[indicator.Id] = indicator.Type switch
                {
                    IndicatorType.Boolean => IndicatorValue.FromBoolean(random.Next(2) == 0),
                    IndicatorType.Date => IndicatorValue.FromDate(new LocalDate(year, 1, 1).PlusDays(random.Next(0, 400))),
                    IndicatorType.Count => IndicatorValue.FromNumber(Math.Floor(min + ((max - min) * (decimal)random.NextDouble())), IndicatorType.Count),
                    _ => IndicatorValue.FromNumber(Math.Round(min + ((max - min) * (decimal)random.NextDouble()), 3), indicator.Type),
                };
            }
            units.Add(new UnitRecord($"R{i:0000}", $"Đơn vị {i}", kind, random.Next(30) == 0, values.ToImmutable()));
        }
        var groups = units.Select((u, i) => (u, i)).GroupBy(x => x.i / groupSize)
            .Select(g => new GroupRecord($"G{g.Key:000}", $"Cụm {g.Key}", "cluster", [.. g.Select(x => x.u.Code)]))
            .ToImmutableArray();
        return (groups, units.ToImmutable());
    }

    /// <summary>The same request with units, groups, members and history in a different (seeded) order.</summary>
    public static ScoringRequest Shuffled(ScoringRequest request, int seed)
    {
        var random = new Random(seed);
        T[] Shuffle<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => random.Next())];
        return request with
        {
            Units = [.. Shuffle(request.Units)],
            Groups = [.. Shuffle(request.Groups.Select(g => g with { Members = [.. Shuffle(g.Members)] }))],
            History = [.. Shuffle(request.History)],
        };
    }
}
