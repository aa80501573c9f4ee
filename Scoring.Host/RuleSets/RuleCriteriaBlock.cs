using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Host.RuleSets;

/// <summary>A block of a rule set's criteria: a section, the bonus or the penalty, with its heading.</summary>
internal sealed record RuleCriteriaBlock(string Title, ImmutableArray<Criterion> Criteria)
{
    public static IReadOnlyList<RuleCriteriaBlock> Of(RuleSet ruleSet)
    {
        var blocks = ruleSet.Sections
            .Select(s => new RuleCriteriaBlock($"{s.Id}. {s.Title} – tối đa {Display.Number(s.MaxPoints)} điểm", s.Criteria)).ToList();
        if (!ruleSet.Bonus.Criteria.IsEmpty)
        {
            blocks.Add(new RuleCriteriaBlock($"Điểm thưởng – tối đa {Display.Number(ruleSet.Bonus.Cap)} điểm", ruleSet.Bonus.Criteria));
        }

        if (!ruleSet.Penalty.Criteria.IsEmpty)
        {
            blocks.Add(new RuleCriteriaBlock($"Điểm trừ – tối đa {Display.Number(ruleSet.Penalty.Cap)} điểm", ruleSet.Penalty.Criteria));
        }

        return blocks;
    }
}
