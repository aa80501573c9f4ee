using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>A unit after the per-unit pass: its value row and the scores of the criteria that need no group (null for group methods).</summary>
internal sealed record UnitPass(UnitRecord Unit, ValueRow Row, CriterionScore?[] Scores, IReadOnlyList<string> Notes)
{
    /// <summary>The unit's row and notes; the scores are filled criterion by criterion (<see cref="UnitMethods.EvaluateAll"/>).</summary>
    public static UnitPass Prepare(CompiledRuleSet ruleSet, UnitRecord unit)
    {
        var row = ruleSet.Layout.BuildRow(unit.Values, out var submittedIndicators);
        return new UnitPass(unit, row, new CriterionScore?[ruleSet.Criteria.Length], NotesFor(ruleSet.Layout, unit, submittedIndicators));
    }

    private static IReadOnlyList<string> NotesFor(RowLayout layout, UnitRecord unit, int submittedIndicators)
    {
        var notes = new List<string>();
        if (unit.Dissolved)
        {
            notes.Add("Đơn vị đã giải thể trong năm: được chấm điểm và xếp hạng nhưng không được đề nghị khen thưởng.");
        }
        // Ids are distinct, so when every submitted id is one of the indicators found while building the row there is
        // nothing to report, and the ids need not be listed (enumerating an immutable dictionary is slow). Only with
        // ordinal keys: a case-insensitive dictionary finds "dti" for "DTI", which the layout does not know.
        var ordinal = unit.Values.KeyComparer == StringComparer.Ordinal || unit.Values.KeyComparer == EqualityComparer<string>.Default;
        if (!ordinal || unit.Values.Count != submittedIndicators)
        {
            foreach (var id in unit.Values.Keys.Order(StringComparer.Ordinal))
            {
                if (!IsIndicator(layout, id))
                {
                    notes.Add($"Số liệu «{id}» không thuộc bộ tiêu chí này nên không được dùng.");
                }
            }
        }
        return notes;
    }

    private static bool IsIndicator(RowLayout layout, string id) => layout.TryGetSlot(id, out var slot) && layout.IsIndicator(slot);
}
