using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>
/// Earlier years' outcomes for the units of a request, mapped onto successors.
/// Rule (docs/cli.md, "Lịch sử và đơn vị kế thừa"): a unit's history for a year is its own record plus the records of
/// every unit whose successor chain reaches it (the units merged into it); per year the best grade (the rule set's grade
/// order: first = best) and the highest award (the rule set's award precedence) are kept. A record in history.csv wins over
/// a result computed from the data for the same unit and year, because history.csv holds decided outcomes
/// (<see cref="ScoringInput.History"/>).
/// </summary>
internal static class HistoryBuilder
{
    public static ImmutableArray<HistoryRecord> Build(
        ScoringInput data,
        RuleSet ruleSet,
        int year,
        IEnumerable<HistoryRecord> computed,
        IReadOnlySet<string> units)
    {
        var official = data.History.Where(h => h.Year < year).ToList();
        var officialKeys = official.Select(h => (h.UnitCode, h.Year)).ToHashSet();
        var records = official.Concat(computed.Where(h => h.Year < year && !officialKeys.Contains((h.UnitCode, h.Year))));

        var gradeOrder = ruleSet.Grades.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var awardOrder = ruleSet.Awards.ToDictionary(a => a.Id, a => a.Precedence, StringComparer.Ordinal);
        var merged = new Dictionary<(string Unit, int Year), (string? Grade, string? Award)>();
        foreach (var record in records)
        {
            foreach (var beneficiary in Chain(data, record.UnitCode).Where(units.Contains))
            {
                var key = (beneficiary, record.Year);
                var (grade, award) = merged.GetValueOrDefault(key);
                merged[key] = (
                    Better(grade, record.Grade, g => -gradeOrder.GetValueOrDefault(g, int.MaxValue)),
                    Better(award, record.Award, a => awardOrder.GetValueOrDefault(a, int.MinValue)));
            }
        }

        return [.. merged
            .OrderBy(m => m.Key.Unit, StringComparer.Ordinal)
            .ThenBy(m => m.Key.Year)
            .Select(m => new HistoryRecord(m.Key.Unit, m.Key.Year, m.Value.Grade, m.Value.Award))];
    }

    /// <summary>The unit itself and every successor after it.</summary>
    private static IEnumerable<string> Chain(ScoringInput data, string unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = unit; current is not null && seen.Add(current); current = data.Successors.GetValueOrDefault(current))
        {
            yield return current;
        }
    }

    /// <summary>The better of two ids by <paramref name="score"/> (higher is better); ties keep the ordinal-smaller id so the result is stable.</summary>
    private static string? Better(string? current, string? candidate, Func<string, long> score)
    {
        if (candidate is null)
        {
            return current;
        }

        if (current is null)
        {
            return candidate;
        }

        var difference = score(candidate).CompareTo(score(current));
        return difference > 0 || (difference == 0 && string.CompareOrdinal(candidate, current) < 0) ? candidate : current;
    }
}
