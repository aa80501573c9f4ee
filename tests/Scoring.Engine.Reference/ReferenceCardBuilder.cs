using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using CriterionScore = Scoring.Engine.Evaluation.Reference.CriterionScore;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>Adds up a unit's criteria into sections, bonus, penalty and total (with caps and clamps), then grades it.</summary>
internal static class ReferenceCardBuilder
{
    public static (UnitScore Score, ValueRow Row) Build(CompiledRuleSet ruleSet, ReferenceUnitPass pass, CriterionScore[] scores, string group)
    {
        var rules = ruleSet.RuleSet;
        var sections = ImmutableArray.CreateBuilder<SectionScore>(rules.Sections.Length);
        for (var s = 0; s < rules.Sections.Length; s++)
        {
            var section = rules.Sections[s];
            var criteria = ruleSet.Criteria.Where(c => c.SectionIndex == s).Select(c => scores[c.Index]).ToImmutableArray();
            var points = Math.Min(criteria.Sum(c => c.Points), section.MaxPoints);
            sections.Add(new SectionScore(section.Id, section.Title, ReferenceVn.Normalize(points), section.MaxPoints, Public(ruleSet, criteria)));
        }
        var bonusCriteria = ruleSet.Criteria.Where(c => c.Part == CriterionPart.Bonus).Select(c => scores[c.Index]).ToImmutableArray();
        var penaltyCriteria = ruleSet.Criteria.Where(c => c.Part == CriterionPart.Penalty).Select(c => scores[c.Index]).ToImmutableArray();
        var basePoints = ReferenceVn.Normalize(sections.Sum(s => s.Points));
        var bonus = ReferenceVn.Normalize(Math.Min(bonusCriteria.Sum(c => c.Points), rules.Bonus.Cap));
        var penalty = ReferenceVn.Normalize(Math.Min(penaltyCriteria.Sum(c => c.Points), rules.Penalty.Cap));
        var total = ReferenceVn.Normalize(Math.Clamp(basePoints + bonus - penalty, rules.Total.Min, rules.Total.Max));

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
            grade?.Grade.Id ?? "", grade?.Grade.Title ?? "", sections.MoveToImmutable(), Public(ruleSet, bonusCriteria), Public(ruleSet, penaltyCriteria),
            Award: null, [.. notes]);
        return (score, row);
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
                catch (Exception ex) when (ReferenceScoreFactory.IsEvaluationFailure(ex))
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

    // The public records the engine's results use (the frozen prose stays here; outcome codes are compared).
    private static CriterionList Public(CompiledRuleSet ruleSet, ImmutableArray<CriterionScore> scores) =>
        CriterionList.Of(scores.Select(s => s.ToPublic(ruleSet.RuleSet.AllCriteria.First(c => c.Id == s.Id).Method.Name)));
}
