using System.Collections.Immutable;
using Scoring.Engine;
using Scoring.Engine.Model;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Bench.Generation;

/// <summary>
/// The workload's units as a <see cref="ScoringRequest"/> for <see cref="ScoringEngine.Score"/>: every value submitted,
/// clusters of <see cref="GroupSize"/> units (a province's cluster is tens to a hundred units).
/// </summary>
public static class WorkloadRequest
{
    public const int GroupSize = 100;

    public static ScoringRequest Build(WorkloadFixture fixture)
    {
        var rules = fixture.RuleSet;
        var compiled = ScoringEngine.Compile(rules, new RuleSetIdentity(rules.Id, rules.Version, new string('0', 64)));
        var data = fixture.Data;
        var k = data.Indicators.Length;
        var types = rules.Indicators.Select(i => i.Type).ToArray();
        var names = rules.Indicators.Select(i => i.Id).ToArray();
        var units = ImmutableArray.CreateBuilder<UnitRecord>(data.UnitCount);
        for (var u = 0; u < data.UnitCount; u++)
        {
            var values = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
            for (var j = 0; j < k; j++)
            {
                var v = data.Decimals[u * k + j];
                values[names[j]] = types[j] == IndicatorType.Boolean ? IndicatorValue.FromBoolean(v != 0m) : IndicatorValue.FromNumber(v, types[j]);
            }
            units.Add(new UnitRecord($"U{u + 1:D6}", $"Đơn vị {u + 1}", "locality", false, values.ToImmutable()));
        }
        var groups = ImmutableArray.CreateBuilder<GroupRecord>();
        for (var start = 0; start < data.UnitCount; start += GroupSize)
        {
            var members = Enumerable.Range(start, Math.Min(GroupSize, data.UnitCount - start)).Select(u => $"U{u + 1:D6}");
            groups.Add(new GroupRecord($"C{groups.Count + 1:D4}", $"Cụm thi đua số {groups.Count + 1}", "cluster", [.. members]));
        }
        return new ScoringRequest(compiled, 2025, groups.ToImmutable(), units.MoveToImmutable(), []);
    }
}
