using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Engine.Reviews;

/// <summary>
/// A unit's yearly record over the phase, following successors: a year with the unit's own result uses it; a year
/// without one takes the results of the units whose successor chain reaches the unit (the units merged into it): the
/// mean of their totals (the practice of the national DTI for merged provinces, rounded to the rule set's precision),
/// the best of their grades and the highest of their awards (the history rule of docs/cli.md), and the sum of their
/// numbers.
/// </summary>
internal sealed class PhaseRecordBuilder
{
    private readonly RuleSet ruleSet;
    private readonly Phase phase;
    private readonly Dictionary<(string Unit, int Year), YearOutcome> outcomes = [];
    private readonly Dictionary<string, List<string>> predecessors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> gradeOrder;
    private readonly Dictionary<string, int> awardOrder;

    public PhaseRecordBuilder(PhaseReviewRequest request, Phase phase)
    {
        ruleSet = request.RuleSet;
        this.phase = phase;
        foreach (var outcome in request.Outcomes.Where(o => phase.Years.Contains(o.Year)))
        {
            outcomes[(outcome.UnitCode, outcome.Year)] = outcome;
        }
        var successors = request.Units.Where(u => u.Successor is not null).ToDictionary(u => u.Code, u => u.Successor!, StringComparer.Ordinal);
        foreach (var code in successors.Keys.Concat(request.Outcomes.Select(o => o.UnitCode)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // Every unit after this one on its successor chain inherits its results.
            var seen = new HashSet<string>(StringComparer.Ordinal) { code };
            for (var next = successors.GetValueOrDefault(code); next is not null && seen.Add(next); next = successors.GetValueOrDefault(next))
            {
                (predecessors.TryGetValue(next, out var list) ? list : predecessors[next] = []).Add(code);
            }
        }
        gradeOrder = ruleSet.Grades.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        awardOrder = ruleSet.Awards.ToDictionary(a => a.Id, a => a.Precedence, StringComparer.Ordinal);
    }

    public ImmutableArray<(PhaseYearValue Year, ImmutableDictionary<string, decimal> Numbers)> Build(string unit)
    {
        var result = ImmutableArray.CreateBuilder<(PhaseYearValue, ImmutableDictionary<string, decimal>)>();
        for (var year = phase.Years.From; year <= phase.Years.To; year++)
        {
            if (outcomes.TryGetValue((unit, year), out var own))
            {
                result.Add((new PhaseYearValue(year, own.Total, own.Grade, own.Award, []), own.Numbers));
                continue;
            }
            var merged = predecessors.GetValueOrDefault(unit, [])
                .Select(p => outcomes.GetValueOrDefault((p, year)))
                .OfType<YearOutcome>()
                .OrderBy(o => o.UnitCode, StringComparer.Ordinal)
                .ToList();
            if (merged.Count == 0)
            {
                result.Add((new PhaseYearValue(year, null, null, null, []), ImmutableDictionary<string, decimal>.Empty));
                continue;
            }
            var total = Math.Round(merged.Sum(o => o.Total) / merged.Count, ruleSet.Precision, MidpointRounding.AwayFromZero);
            var grade = merged.Select(o => o.Grade).OfType<string>()
                .OrderBy(g => gradeOrder.GetValueOrDefault(g, int.MaxValue)).ThenBy(g => g, StringComparer.Ordinal).FirstOrDefault();
            var award = merged.Select(o => o.Award).OfType<string>()
                .OrderByDescending(a => awardOrder.GetValueOrDefault(a, int.MinValue)).ThenBy(a => a, StringComparer.Ordinal).FirstOrDefault();
            var numbers = merged.SelectMany(o => o.Numbers)
                .GroupBy(n => n.Key, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.Sum(n => n.Value), StringComparer.Ordinal);
            result.Add((new PhaseYearValue(year, total, grade, award, [.. merged.Select(o => o.UnitCode)]), numbers));
        }
        return result.ToImmutable();
    }

    /// <summary>True when <paramref name="grade"/> is <paramref name="atLeast"/> or a better grade (grades are listed best first).</summary>
    public bool AtOrAbove(string? grade, string atLeast) =>
        grade is not null && gradeOrder.TryGetValue(grade, out var g) && gradeOrder.TryGetValue(atLeast, out var a) && g <= a;
}
