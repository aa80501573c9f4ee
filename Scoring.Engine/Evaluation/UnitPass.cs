using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>A unit after the per-unit pass: its value row and the scores of the criteria that need no group (null for group methods).</summary>
internal sealed record UnitPass(UnitRecord Unit, ValueRow Row, CriterionScore?[] Scores, IReadOnlyList<string> Notes)
{
    public static UnitPass Run(CompiledRuleSet ruleSet, UnitRecord unit, int year)
    {
        var row = ruleSet.Layout.BuildRow(unit.Values);
        var factories = ruleSet.Factories;
        var scores = new CriterionScore?[factories.Length];
        for (var i = 0; i < factories.Length; i++)
        {
            if (!factories[i].Compiled.NeedsGroup)
            {
                scores[i] = UnitMethods.Evaluate(factories[i], row, year);
            }
        }
        return new UnitPass(unit, row, scores, NotesFor(ruleSet.Layout, unit));
    }

    private static IReadOnlyList<string> NotesFor(RowLayout layout, UnitRecord unit)
    {
        var notes = new List<string>();
        if (unit.Dissolved)
        {
            notes.Add("Đơn vị đã giải thể trong năm: được chấm điểm và xếp hạng nhưng không được đề nghị khen thưởng.");
        }
        // Sorting the ids costs more than checking them, and nearly every unit sends only the rule set's indicators.
        if (unit.Values.Count > layout.Indicators.Length || unit.Values.Keys.Any(id => !IsIndicator(layout, id)))
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
