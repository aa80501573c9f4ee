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

    /// <summary>The scoring year of the requests (deadlines are days of it).</summary>
    public const int Year = 2025;

    public static ScoringRequest Build(WorkloadFixture fixture) => Build(fixture, fixture.Data.UnitCount);

    /// <summary>The first <paramref name="unitCount"/> units of the fixture as a request.</summary>
    public static ScoringRequest Build(WorkloadFixture fixture, int unitCount)
    {
        var rules = fixture.RuleSet;
        var compiled = ScoringEngine.Compile(rules, new RuleSetIdentity(rules.Id, rules.Version, new string('0', 64)));
        var data = fixture.Data;
        var k = data.Indicators.Length;
        var types = rules.Indicators.Select(i => i.Type).ToArray();
        var names = rules.Indicators.Select(i => i.Id).ToArray();
        var units = ImmutableArray.CreateBuilder<UnitRecord>(unitCount);
        for (var u = 0; u < unitCount; u++)
        {
            var values = new Dictionary<string, IndicatorValue>(k, StringComparer.Ordinal);
            for (var j = 0; j < k; j++)
            {
                var v = data.Decimals[u * k + j];
                values[names[j]] = types[j] == IndicatorType.Boolean ? IndicatorValue.FromBoolean(v != 0m) : IndicatorValue.FromNumber(v, types[j]);
            }
            units.Add(new UnitRecord($"U{u + 1:D6}", $"Đơn vị {u + 1}", "locality", false, values));
        }
        var groups = ImmutableArray.CreateBuilder<GroupRecord>();
        for (var start = 0; start < unitCount; start += GroupSize)
        {
            var members = Enumerable.Range(start, Math.Min(GroupSize, unitCount - start)).Select(u => $"U{u + 1:D6}");
            groups.Add(new GroupRecord($"C{groups.Count + 1:D4}", $"Cụm thi đua số {groups.Count + 1}", "cluster", [.. members]));
        }
        return new ScoringRequest(compiled, Year, groups.ToImmutable(), units.MoveToImmutable(), []);
    }
}
