using System.Collections.Immutable;
using Scoring.Engine.Results;

namespace Scoring.Host.Pages.Queries;

/// <summary>A block of a card: a section, the bonus or the penalty criteria, with its points and (for a section) its maximum.</summary>
internal sealed record CriteriaBlock(string Title, decimal Points, decimal? MaxPoints, ImmutableArray<CriterionScore> Criteria)
{
    public static IReadOnlyList<CriteriaBlock> Of(UnitScore score)
    {
        var blocks = score.Sections.Select(s => new CriteriaBlock($"{s.Id}. {s.Title}", s.Points, s.MaxPoints, s.Criteria)).ToList();
        if (score.BonusCriteria.Length > 0)
        {
            blocks.Add(new CriteriaBlock("Điểm thưởng", score.Bonus, null, score.BonusCriteria));
        }

        if (score.PenaltyCriteria.Length > 0)
        {
            blocks.Add(new CriteriaBlock("Điểm trừ", score.Penalty, null, score.PenaltyCriteria));
        }

        return blocks;
    }
}
