using System.Collections.Immutable;
using Scoring.Engine.Evaluation.Reference;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Tests.Equivalence;

/// <summary>
/// <see cref="ScoringEngine.Score"/> against the frozen reference evaluator (<see cref="ReferenceRequestScorer"/>, in the
/// test-support project): every criterion's points and outcome code, every section, total, grade, rank, tie, award
/// proposal and note must be equal on random inputs for every catalog rule set, the example and the bench's workload.
/// Each result's JSON also reads back to the same bytes, and every criterion's reason renders.
/// </summary>
public sealed class ScoreEquivalenceTests
{
    private static readonly Lazy<ImmutableArray<RuleSetDocument>> Documents = new(() =>
    [
        .. RuleSetLoader.LoadFolder(RepositoryFiles.Catalog).Documents,
        RuleSetLoader.LoadFile(Path.Combine(RepositoryFiles.Root, "bench", "workload", "bench-60.rules.json")).Document!,
    ]);

    private static IEnumerable<TestCaseData> RuleSets() =>
        Documents.Value.Select((d, i) => new TestCaseData(i).SetArgDisplayNames(Path.GetRelativePath(RepositoryFiles.Root, d.File)));

    [Test]
    public void Every_rule_set_of_the_catalog_is_covered()
    {
        Assert.That(Documents.Value.Select(d => Path.GetFileName(d.File)), Has.Member("vi-du-day-du.rules.json").And.Member("bench-60.rules.json"));
        Assert.That(Documents.Value, Has.Length.GreaterThan(20));
    }

    [TestCaseSource(nameof(RuleSets))]
    public void Score_equals_the_reference_on_plain_random_units(int index)
    {
        var document = Documents.Value[index];
        var rules = document.RuleSet;
        var compiled = ScoringEngine.Compile(rules, document.Identity);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var year = rules.Years.From + (seed % (rules.Years.To - rules.Years.From + 1));
            var (groups, units) = RandomUnits.ForRuleSet(rules, seed * 1000 + index, count: 90, groupSize: 15, year);
            AssertSame(new ScoringRequest(compiled, year, groups, units, History(rules, units, year, seed)), $"{document.File} seed {seed}");
        }
    }

    [TestCaseSource(nameof(RuleSets))]
    public void Score_equals_the_reference_on_edge_values(int index)
    {
        var document = Documents.Value[index];
        var rules = document.RuleSet;
        var compiled = ScoringEngine.Compile(rules, document.Identity);
        foreach (var seed in new[] { 11, 12, 13, 14 })
        {
            var year = rules.Years.To - (seed % (rules.Years.To - rules.Years.From + 1));
            var (groups, units) = EdgeUnits.Generate(rules, seed * 1000 + index, count: 80, groupSize: 9 + seed, year);
            AssertSame(new ScoringRequest(compiled, year, groups, units, History(rules, units, year, seed)), $"{document.File} seed {seed}");
        }
    }

    [Test]
    public void Score_equals_the_reference_on_the_example_units_with_history()
    {
        var rules = ExampleRuleSet.Full();
        var compiled = ScoringEngine.Compile(rules, new RuleSetIdentity(rules.Id, rules.Version, new string('a', 64)));
        var (groups, units, history) = RandomUnits.Generate(seed: 77, count: 200, groupSize: 20);
        AssertSame(new ScoringRequest(compiled, 2025, groups, units, history.AddRange(History(rules, units, 2025, 3))), "example");
    }

    [Test]
    public void The_comparison_can_fail()
    {
        // A result that differs in one criterion's points only must be told apart, so the equality above means something.
        var document = Documents.Value[0];
        var compiled = ScoringEngine.Compile(document.RuleSet, document.Identity);
        var year = document.RuleSet.Years.From;
        var (groups, units) = RandomUnits.ForRuleSet(document.RuleSet, 5, count: 10, groupSize: 5, year);
        var result = ScoringEngine.Score(new ScoringRequest(compiled, year, groups, units, []));
        var card = result.Groups[0].Ranking[0];
        var section = card.Sections[0];
        var changed = CriterionList.Of(section.Criteria.Select((c, i) => i == 0 ? c with { Points = c.Points + 0.01m } : c));
        var altered = result with
        {
            Groups = result.Groups.SetItem(0, result.Groups[0] with
            {
                Ranking = result.Groups[0].Ranking.SetItem(0, card with { Sections = card.Sections.SetItem(0, section with { Criteria = changed }) }),
            }),
        };
        Assert.That(Summary(altered), Is.Not.EqualTo(Summary(result)));
    }

    private static void AssertSame(ScoringRequest request, string what)
    {
        var expected = Summary(ReferenceRequestScorer.Score(request));
        var result = ScoringEngine.Score(request);
        var actual = Summary(result);
        if (actual != expected)
        {
            var at = Enumerable.Range(0, Math.Min(actual.Length, expected.Length)).FirstOrDefault(i => actual[i] != expected[i]);
            Assert.Fail($"{what}: results differ at character {at}:\nreference: …{Around(expected, at)}…\nengine:    …{Around(actual, at)}…");
        }
        var json = ResultJson.Write(result);
        Assert.That(ResultJson.Write(ResultJson.Read(json)), Is.EqualTo(json), $"{what}: the JSON reads back to other bytes");
        foreach (var criterion in result.Groups.SelectMany(g => g.Ranking).SelectMany(u => u.Sections.SelectMany(s => s.Criteria).Concat(u.BonusCriteria).Concat(u.PenaltyCriteria)))
        {
            Assert.That(Scoring.Engine.Text.ExplanationRenderer.Reason(criterion), Does.EndWith(" điểm"), $"{what}: {criterion.Id}");
        }
    }

    /// <summary>Everything the two evaluators must agree on, one line per fact (reasons aside: their prose differs by design).</summary>
    internal static string Summary(ScoringResult result)
    {
        var text = new System.Text.StringBuilder();
        foreach (var group in result.Groups)
        {
            text.Append("group ").Append(group.Code).Append('\n');
            foreach (var unit in group.Ranking)
            {
                text.Append($"  {unit.Code} rank {unit.Rank}{(unit.Tied ? " tied" : "")} total {unit.Total} base {unit.BasePoints} bonus {unit.Bonus} penalty {unit.Penalty} grade {unit.Grade} award {unit.Award} notes {string.Join(" | ", unit.Notes)}\n");
                foreach (var section in unit.Sections)
                {
                    text.Append($"    {section.Id} {section.Points}/{section.MaxPoints}:");
                    foreach (var c in section.Criteria)
                    {
                        text.Append($" {c.Id}={c.Points}({c.Outcome})");
                    }
                    text.Append('\n');
                }
                text.Append("    bonus/penalty:");
                foreach (var c in unit.BonusCriteria.Concat(unit.PenaltyCriteria))
                {
                    text.Append($" {c.Id}={c.Points}({c.Outcome})");
                }
                text.Append('\n');
            }
        }
        foreach (var award in result.Awards)
        {
            text.Append($"award {award}\n");
        }
        text.Append("notes ").Append(string.Join(" | ", result.Notes)).Append('\n');
        return text.ToString();
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 200)];

    // Previous years' grades and awards, so that award prerequisites on history take both branches.
    private static ImmutableArray<HistoryRecord> History(RuleSet rules, ImmutableArray<UnitRecord> units, int year, int seed)
    {
        var random = new Random(seed);
        string[] grades = [.. rules.Grades.Select(g => g.Id), "hoan-thanh"];
        string?[] awards = [null, null, null, .. rules.Awards.Select(a => a.Id)];
        return [.. units.SelectMany(u => Enumerable.Range(1, 3).Select(back =>
            new HistoryRecord(u.Code, year - back, grades[random.Next(grades.Length)], awards[random.Next(awards.Length)])))];
    }
}
