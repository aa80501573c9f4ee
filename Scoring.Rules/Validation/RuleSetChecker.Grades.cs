using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private static readonly string[] GradeNames = ["total"];

    private void CheckGrades()
    {
        if (IsBroken("$.grades"))
        {
            return;
        }
        var grades = set.Grades;
        if (grades.IsEmpty)
        {
            bag.Error(DiagnosticCodes.GradesMissing, "$.grades", "The rule set has no grades.",
                "Add grades from the best down, ending with one that has neither minTotal nor condition.");
            return;
        }
        CheckDuplicates(grades, g => g.Id, g => g.Path, "grade id");
        for (var i = 0; i < grades.Length; i++)
        {
            var grade = grades[i];
            if (grade.IsCatchAll && i < grades.Length - 1)
            {
                bag.Error(DiagnosticCodes.GradesCatchAll, grade.Path,
                    $"Grade `{grade.Id}` has neither minTotal nor condition, so every unit gets it: the grades after it can never be given.",
                    "Only the last grade may be the catch-all: give this one a minTotal or move it to the end.");
            }
            if (grade.Condition is { } condition)
            {
                CheckExpression($"Grade `{grade.Id}`, `condition`", grade.Path + ".condition", condition, ValueKind.Boolean, GradeNames);
            }
        }
        var last = grades[^1];
        if (!last.IsCatchAll && !IsBroken(last.Path))
        {
            bag.Error(DiagnosticCodes.GradesCatchAll, last.Path,
                $"The last grade `{last.Id}` has a minTotal or a condition; some units would get no grade.",
                "Add a last grade with neither minTotal nor condition (e.g. \"Không hoàn thành nhiệm vụ\").");
        }
        foreach (var grade in grades.Where(g => g.MinTotal > set.Total.Max && !IsBroken("$.total")))
        {
            bag.Warning(DiagnosticCodes.GradesOrder, grade.Path + ".minTotal",
                $"Grade `{grade.Id}` needs a total of {F(grade.MinTotal!.Value)}, above the highest possible total {F(set.Total.Max)}: it can never be given.",
                "Lower minTotal, or raise total.max (or the bonus cap).");
        }
        GradeBand? previous = null;
        foreach (var grade in grades.Where(g => g.MinTotal is not null))
        {
            if (previous is not null && grade.MinTotal >= previous.MinTotal)
            {
                var why = previous.Condition is null
                    ? $"every total ≥ {F(grade.MinTotal!.Value)} already gets `{previous.Id}` (minTotal {F(previous.MinTotal!.Value)}), so `{grade.Id}` can never be given"
                    : $"grades are tried in order, so `{grade.Id}` only catches units that reach {F(previous.MinTotal!.Value)} but fail `{previous.Id}`'s condition";
                bag.Warning(DiagnosticCodes.GradesOrder, grade.Path + ".minTotal",
                    $"Grade `{grade.Id}` has minTotal {F(grade.MinTotal!.Value)}, not below `{previous.Id}`'s {F(previous.MinTotal!.Value)}: {why}.",
                    "List the grades from the highest minTotal down.");
            }
            previous = grade;
        }
    }

    private void CheckTieBreakers()
    {
        foreach (var tieBreaker in set.TieBreakers)
        {
            if (IsBroken(tieBreaker.Path) || tieBreaker.Ref is not { } reference)
            {
                continue;
            }
            var candidates = tieBreaker.Kind switch
            {
                TieBreakerKind.Section => set.Sections.Select(s => s.Id),
                TieBreakerKind.Criterion => set.AllCriteria.Select(c => c.Id),
                TieBreakerKind.Indicator => set.Indicators.Where(i => i.Type != IndicatorType.Date).Select(i => i.Id),
                _ => null,
            };
            if (candidates is null)
            {
                continue;
            }
            var list = candidates.ToList();
            if (!list.Contains(reference, StringComparer.Ordinal))
            {
                var kind = tieBreaker.Kind.ToString().ToLowerInvariant();
                bag.Error(DiagnosticCodes.TieBreakerRef, tieBreaker.Path + ".ref",
                    $"The tie-breaker by {kind} names `{reference}`, which is not a{(kind == "indicator" ? "n" : string.Empty)} {kind} of this rule set" +
                    (tieBreaker.Kind == TieBreakerKind.Indicator && indicators.ContainsKey(reference) ? " that can be compared (dates cannot)" : string.Empty) +
                    $".{Suggestions.DidYouMean(reference, list)}",
                    $"Use one of: {string.Join(", ", list)}.");
            }
        }
    }
}
