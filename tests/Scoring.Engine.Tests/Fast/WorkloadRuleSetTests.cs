using System.Collections.Immutable;
using Scoring.Bench.Generation;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Engine.Model;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Tests.Fast;

/// <summary>The workload written as a rule set in our format: reproducible, loadable, and scored the same by the engine.</summary>
public sealed class WorkloadRuleSetTests
{
    private static string RulesPath => Path.Combine(AppContext.BaseDirectory, "workload", "bench-60.rules.json");

    [Test]
    public void Checked_in_rule_set_is_what_the_converter_writes()
    {
        var written = RuleSetJsonWriter.Write(WorkloadRuleSet.Build(Workload.Load()));

        Assert.That(File.ReadAllText(RulesPath), Is.EqualTo(written), "regenerate with: dotnet run -c Release --project bench -- --write-rules bench/workload/bench-60.rules.json");
    }

    [Test]
    public void Checked_in_rule_set_loads_without_errors_and_scores_like_the_in_memory_one()
    {
        var loaded = RuleSetLoader.LoadFile(RulesPath);
        Assert.That(loaded.Succeeded, Is.True, string.Join("\n", loaded.Diagnostics));
        var f = WorkloadFixtures.Get(3_400);
        var scorer = FastScorer.Compile(loaded.Document!.RuleSet);

        var fromFile = scorer.ScorePoints(WorkloadFixture.ToTable(scorer, f.Data));
        var inMemory = f.Scorer.ScorePoints(f.Table);

        Assert.That(loaded.Document.RuleSet.Precision, Is.EqualTo(4));
        Assert.That(fromFile.CriterionIds, Is.EqualTo(inMemory.CriterionIds));
        Assert.That(Enumerable.Range(0, fromFile.UnitCount).Select(fromFile.Total), Is.EqualTo(Enumerable.Range(0, inMemory.UnitCount).Select(inMemory.Total)));
    }

    [Test]
    public void Engine_evaluator_gives_the_fast_path_points_on_every_unit_of_the_small_set()
    {
        var f = WorkloadFixtures.Get(3_400);
        var names = f.Data.Indicators.Select(i => i.Name).ToArray();
        var types = f.RuleSet.Indicators.Select(i => i.Type).ToArray();
        var units = Enumerable.Range(0, f.Data.UnitCount).Select(u => new UnitRecord(
            $"U{u + 1:D6}", $"Đơn vị {u + 1}", "locality", false,
            names.Select((n, k) => (n, v: f.Data.Decimals[u * names.Length + k]))
                .ToImmutableDictionary(p => p.n, p => types[Array.IndexOf(names, p.n)] == IndicatorType.Boolean
                    ? IndicatorValue.FromBoolean(p.v != 0)
                    : IndicatorValue.FromNumber(p.v, types[Array.IndexOf(names, p.n)])))).ToImmutableArray();
        var compiled = ScoringEngine.Compile(f.RuleSet, new RuleSetIdentity(f.RuleSet.Id, f.RuleSet.Version, new string('0', 64)));
        var request = new ScoringRequest(compiled, 2025, [new GroupRecord("G", "Cụm thử", "cluster", [.. units.Select(u => u.Code)])], units, []);

        var result = ScoringEngine.Score(request);
        var fast = f.Scorer.ScorePoints(f.Table);

        var byCode = result.Groups.Single().Ranking.ToDictionary(s => s.Code);
        string? difference = null;
        for (var u = 0; u < f.Data.UnitCount && difference is null; u++)
        {
            var criteria = byCode[$"U{u + 1:D6}"].Sections.SelectMany(s => s.Criteria).ToList();
            for (var c = 0; c < fast.CriterionIds.Length; c++)
            {
                if (criteria[c].Id != fast.CriterionIds[c] || criteria[c].Points != fast[u, c])
                {
                    difference = $"unit {u}, {criteria[c].Id}: engine {criteria[c].Points}, fast {fast[u, c]}";
                    break;
                }
            }
        }
        Assert.That(difference, Is.Null);
    }
}
