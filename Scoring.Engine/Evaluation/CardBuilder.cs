using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Engine.Evaluation;

/// <summary>Adds up a unit's criteria into sections, bonus, penalty and total (with caps and clamps), then grades it.</summary>
internal static class CardBuilder
{
    public static (UnitScore Score, CardRow Row) Build(CompiledRuleSet ruleSet, ScoredCriteria criteria, string group, Perturbation? perturbation = null)
    {
        var rules = ruleSet.RuleSet;
        var plan = ruleSet.CardPlan;
        var unit = criteria.Unit;
        var sections = new SectionScore[rules.Sections.Length];
        var sectionSum = 0m;
        for (var s = 0; s < sections.Length; s++)
        {
            var section = rules.Sections[s];
            var (start, count) = plan.Sections[s];
            var points = Vn.Normalize(Math.Min(Sum(criteria, start, count), perturbation?.SectionMax[s] ?? section.MaxPoints));
            sectionSum += points;
            sections[s] = new SectionScore(section.Id, section.Title, points, section.MaxPoints, new CriterionList(criteria, start, count));
        }
        var bonusSum = Sum(criteria, plan.Bonus.Start, plan.Bonus.Count);
        var penaltySum = Sum(criteria, plan.Penalty.Start, plan.Penalty.Count);
        var basePoints = Vn.Normalize(sectionSum);
        var bonus = Vn.Normalize(Math.Min(bonusSum, rules.Bonus.Cap));
        var penalty = Vn.Normalize(Math.Min(penaltySum, rules.Penalty.Cap));
        var total = Vn.Normalize(Math.Clamp(basePoints + bonus - penalty, rules.Total.Min, rules.Total.Max + (perturbation?.TotalMaxShift ?? 0m)));

        var row = new CardRow(unit, total, basePoints, bonus, penalty);
        var notes = unit.Notes;
        List<string>? gradeNotes = null;
        var grade = Grade(ruleSet, row, total, ref gradeNotes);
        var score = new UnitScore(
            unit.Unit.Code, unit.Unit.Name, group, Rank: 0, Tied: false, total, basePoints, bonus, penalty,
            grade?.Grade.Id ?? "", grade?.Grade.Title ?? "", System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(sections),
            List(criteria, plan.Bonus), List(criteria, plan.Penalty),
            Award: null, gradeNotes is null ? (notes.Count == 0 ? [] : [.. notes]) : [.. notes, .. gradeNotes]);
        return (score, row);
    }

    private static CriterionList List(ScoredCriteria criteria, (int Start, int Count) range) =>
        range.Count == 0 ? CriterionList.Empty : new CriterionList(criteria, range.Start, range.Count);

    // The sum of the criteria's points. Per-unit points of the kernel are whole multiples of 10^-precision held in
    // doubles: they are added as integers and turned into one decimal, which is the exact decimal sum.
    private static decimal Sum(ScoredCriteria criteria, int start, int count)
    {
        var unit = criteria.Unit;
        var pass = unit.Pass;
        var columns = pass.Kernel.Columns;
        var decimals = 0m;
        var scaledSum = 0L;
        if (pass.Points is { } table)
        {
            var scaled = table.Scaled;
            var row = unit.Index * table.CriterionIds.Length;
            for (var i = start; i < start + count; i++)
            {
                var column = columns[i];
                if (column >= 0 && scaled[row + column] is var x && !double.IsNaN(x))
                {
                    scaledSum += (long)x;
                }
                else
                {
                    decimals += criteria.PointsAt(i);
                }
            }
            return scaledSum == 0 ? decimals : decimals + PointsTable.FromScaled(scaledSum, table.Precision);
        }
        for (var i = start; i < start + count; i++)
        {
            decimals += criteria.PointsAt(i);
        }
        return decimals;
    }

    private static CompiledGrade? Grade(CompiledRuleSet ruleSet, CardRow row, decimal total, ref List<string>? notes)
    {
        foreach (var grade in ruleSet.Grades)
        {
            if (grade.Grade.MinTotal is { } min && total < min)
            {
                continue;
            }
            if (grade.Condition is { } condition)
            {
                if (condition.FirstMissing(row.Row) >= 0)
                {
                    continue;
                }
                try
                {
                    if (!condition.EvaluateBoolean(row.Row))
                    {
                        continue;
                    }
                }
                catch (Exception ex) when (Explainer.IsEvaluationFailure(ex))
                {
                    (notes ??= []).Add($"Không xét được điều kiện xếp loại «{grade.Grade.Title}»: {ex.Message}");
                    continue;
                }
            }
            return grade;
        }
        (notes ??= []).Add("Không có mức xếp loại nào phù hợp (bộ tiêu chí thiếu mức xếp loại cuối cùng).");
        return null;
    }
}
