using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>A unit after the per-unit pass: its value row and the scores of the criteria that need no group (null for group methods).</summary>
internal sealed record ReferenceUnitPass(UnitRecord Unit, ValueRow Row, CriterionScore?[] Scores, IReadOnlyList<string> Notes)
{
    public static ReferenceUnitPass Run(CompiledRuleSet ruleSet, UnitRecord unit, int year)
    {
        var row = ruleSet.Layout.BuildRow(unit.Values, year);
        var scores = new CriterionScore?[ruleSet.Criteria.Length];
        foreach (var criterion in ruleSet.Criteria)
        {
            if (!criterion.NeedsGroup)
            {
                scores[criterion.Index] = ReferenceUnitMethods.Evaluate(new ReferenceScoreFactory(ruleSet, criterion), row, year);
            }
        }
        var notes = new List<string>();
        if (unit.Dissolved)
        {
            notes.Add("Đơn vị đã giải thể trong năm: được chấm điểm và xếp hạng nhưng không được đề nghị khen thưởng.");
        }
        foreach (var id in unit.Values.Keys.Order(StringComparer.Ordinal))
        {
            if (!ruleSet.Layout.TryGetSlot(id, out var slot) || !ruleSet.Layout.IsIndicator(slot))
            {
                notes.Add($"Số liệu «{id}» không thuộc bộ tiêu chí này nên không được dùng.");
            }
        }
        return new ReferenceUnitPass(unit, row, scores, notes);
    }
}
