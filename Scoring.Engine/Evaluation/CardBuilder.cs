using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Engine.Evaluation;

/// <summary>Adds up a unit's criteria into sections, bonus, penalty and total (with caps and clamps), then grades it.</summary>
internal static class CardBuilder
{
    public static (UnitScore Score, ValueRow Row) Build(CompiledRuleSet ruleSet, UnitPass pass, CriterionScore[] scores, string group)
    {
        var rules = ruleSet.RuleSet;
        var plan = ruleSet.CardPlan;
        var sections = ImmutableArray.CreateBuilder<SectionScore>(rules.Sections.Length);
        var sectionSum = 0m;
        for (var s = 0; s < rules.Sections.Length; s++)
        {
            var section = rules.Sections[s];
            var criteria = Pick(scores, plan.Sections[s], out var sum);
            var points = Vn.Normalize(Math.Min(sum, section.MaxPoints));
            sectionSum += points;
            sections.Add(new SectionScore(section.Id, section.Title, points, section.MaxPoints, criteria));
        }
        var bonusCriteria = Pick(scores, plan.Bonus, out var bonusSum);
        var penaltyCriteria = Pick(scores, plan.Penalty, out var penaltySum);
        var basePoints = Vn.Normalize(sectionSum);
        var bonus = Vn.Normalize(Math.Min(bonusSum, rules.Bonus.Cap));
        var penalty = Vn.Normalize(Math.Min(penaltySum, rules.Penalty.Cap));
        var total = Vn.Normalize(Math.Clamp(basePoints + bonus - penalty, rules.Total.Min, rules.Total.Max));

        var row = pass.Row.Clone();
        var layout = ruleSet.Layout;
        row.Values[layout.TotalSlot] = total;
        row.Values[layout.BasePointsSlot] = basePoints;
        row.Values[layout.BonusSlot] = bonus;
        row.Values[layout.PenaltySlot] = penalty;

        var notes = pass.Notes.ToList();
        var grade = Grade(ruleSet, row, total, notes);
        var score = new UnitScore(
            pass.Unit.Code, pass.Unit.Name, group, Rank: 0, Tied: false, total, basePoints, bonus, penalty,
            grade?.Grade.Id ?? "", grade?.Grade.Title ?? "", sections.MoveToImmutable(), bonusCriteria, penaltyCriteria,
            Award: null, [.. notes]);
        return (score, row);
    }

    // The scores at the indices, in order, and the sum of their points (added in the same order as LINQ's Sum).
    private static ImmutableArray<CriterionScore> Pick(CriterionScore[] scores, int[] indices, out decimal sum)
    {
        var picked = new CriterionScore[indices.Length];
        sum = 0m;
        for (var i = 0; i < indices.Length; i++)
        {
            picked[i] = scores[indices[i]];
            sum += picked[i].Points;
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(picked);
    }

    private static CompiledGrade? Grade(CompiledRuleSet ruleSet, ValueRow row, decimal total, List<string> notes)
    {
        foreach (var grade in ruleSet.Grades)
        {
            if (grade.Grade.MinTotal is { } min && total < min)
            {
                continue;
            }
            if (grade.Condition is { } condition)
            {
                if (condition.FirstMissing(row) >= 0)
                {
                    continue;
                }
                try
                {
                    if (!condition.EvaluateBoolean(row))
                    {
                        continue;
                    }
                }
                catch (Exception ex) when (ScoreFactory.IsEvaluationFailure(ex))
                {
                    notes.Add($"Không xét được điều kiện xếp loại «{grade.Grade.Title}»: {ex.Message}");
                    continue;
                }
            }
            return grade;
        }
        notes.Add("Không có mức xếp loại nào phù hợp (bộ tiêu chí thiếu mức xếp loại cuối cùng).");
        return null;
    }
}
