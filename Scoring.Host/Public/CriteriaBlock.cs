using System.Collections.Immutable;
using Scoring.Engine.Results;

namespace Scoring.Host.Public;

/// <summary>A block of a card: a section, the bonus or the penalty criteria, with its points and (for a section) its maximum.</summary>
/// <param name="IndicatorTitles">Indicator titles by id, to label the values each criterion used.</param>
internal sealed record CriteriaBlock(string Title, decimal Points, decimal? MaxPoints, IReadOnlyList<CriterionScore> Criteria, IReadOnlyDictionary<string, string> IndicatorTitles)
{
    public static IReadOnlyList<CriteriaBlock> Of(UnitScore score, IReadOnlyDictionary<string, string> indicatorTitles)
    {
        var blocks = score.Sections.Select(s => new CriteriaBlock($"{s.Id}. {s.Title}", s.Points, s.MaxPoints, s.Criteria, indicatorTitles)).ToList();
        if (score.BonusCriteria.Count > 0)
        {
            blocks.Add(new CriteriaBlock("Điểm thưởng", score.Bonus, null, score.BonusCriteria, indicatorTitles));
        }

        if (score.PenaltyCriteria.Count > 0)
        {
            blocks.Add(new CriteriaBlock("Điểm trừ", score.Penalty, null, score.PenaltyCriteria, indicatorTitles));
        }

        return blocks;
    }

    /// <summary>The indicator's title when the rule set declares it; otherwise the name the engine used (a peer statistic, say).</summary>
    public string ValueTitle(string name) => IndicatorTitles.TryGetValue(name, out var title) ? title : name;
}
