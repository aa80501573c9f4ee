using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private void CheckTests()
    {
        CheckDuplicates(set.Tests, t => t.Name, t => t.Path, "test name", "name");
        var criteria = new Dictionary<string, Criterion>(StringComparer.Ordinal);
        foreach (var criterion in set.AllCriteria)
        {
            criteria.TryAdd(criterion.Id, criterion);
        }
        foreach (var test in set.Tests)
        {
            var label = $"Test \"{test.Name}\"";
            if (!IsBroken(test.Path + ".year") && !IsBroken("$.years") && !set.Years.Contains(test.Year))
            {
                bag.Error(DiagnosticCodes.TestYear, test.Path + ".year",
                    $"{label}: year {test.Year} is outside the rule set's years {set.Years.From}–{set.Years.To}.",
                    "Use a year the rule set applies to.");
            }
            CheckTestValues(label, test.Path + ".values", test.Values);
            for (var i = 0; i < test.Peers.Length; i++)
            {
                var code = test.Peers[i].Code;
                if (code.Length > 0 && test.Peers.Take(i).Any(p => p.Code == code))
                {
                    bag.Error(DiagnosticCodes.TestPeer, $"{test.Path}.peers[{i}].code",
                        $"{label}: peer code `{code}` is used twice; each peer is a different unit of the group.", "Give each peer its own code.");
                }
                CheckTestValues($"{label}, peer `{test.Peers[i].Code}`", $"{test.Path}.peers[{i}].values", test.Peers[i].Values);
            }
            foreach (var (id, points) in test.ExpectedCriteria.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var path = PropertyPath(test.Path + ".expect.criteria", id);
                if (!criteria.TryGetValue(id, out var criterion))
                {
                    bag.Error(DiagnosticCodes.TestUnknownReference, path,
                        $"{label} expects points for criterion `{id}`, which is not declared.{Suggestions.DidYouMean(id, criteria.Keys)}",
                        "Use a criterion id of this rule set.");
                }
                else if (points < 0 || points > criterion.MaxPoints)
                {
                    bag.Error(DiagnosticCodes.TestValueRange, path,
                        $"{label} expects {F(points)} points for `{id}`, outside [0, {F(criterion.MaxPoints)}] (its maxPoints).",
                        "Correct the expected points.");
                }
            }
            if (test.ExpectedTotal is { } total && (total < set.Total.Min || total > set.Total.Max))
            {
                bag.Error(DiagnosticCodes.TestValueRange, test.Path + ".expect.total",
                    $"{label} expects a total of {F(total)}, outside [{F(set.Total.Min)}, {F(set.Total.Max)}] (the rule set's total limits).",
                    "Correct the expected total.");
            }
            if (test.ExpectedGrade is { } grade && !set.Grades.Any(g => g.Id == grade))
            {
                var ids = set.Grades.Select(g => g.Id).ToList();
                bag.Error(DiagnosticCodes.TestGrade, test.Path + ".expect.grade",
                    $"{label} expects grade `{grade}`, which is not declared.{Suggestions.DidYouMean(grade, ids)}",
                    $"Use one of: {string.Join(", ", ids)}.");
            }
        }
    }

    private void CheckTestValues(string label, string path, ImmutableDictionary<string, IndicatorValue> values)
    {
        foreach (var (id, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var valuePath = PropertyPath(path, id);
            if (!indicators.TryGetValue(id, out var indicator))
            {
                bag.Error(DiagnosticCodes.TestUnknownReference, valuePath,
                    $"{label} gives a value for `{id}`, which is not a declared indicator.{Suggestions.DidYouMean(id, indicators.Keys)}",
                    "Declare the indicator or correct the name.");
            }
            else if (TypeProblem(indicator, value) is { } problem)
            {
                bag.Error(DiagnosticCodes.TestValueType, valuePath, $"{label}: {problem}.",
                    indicator.Type switch
                    {
                        IndicatorType.Boolean => "Write true or false.",
                        IndicatorType.Date => "Write a date \"yyyy-MM-dd\".",
                        IndicatorType.Count => "Write a whole number ≥ 0.",
                        _ => "Write a number.",
                    });
            }
            else if (RangeProblem(indicator, value) is { } outside)
            {
                bag.Error(DiagnosticCodes.TestValueRange, valuePath, $"{label}: {outside}.", "Write a value inside the indicator's declared range.");
            }
        }
    }
}
