using Scoring.Engine.Compilation;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// A unit's row as grade conditions and award eligibility see it in one group: its values plus total, base points,
/// bonus, penalty, rank and group size. Built on first use, since most rule sets never read it.
/// </summary>
internal sealed class CardRow(ScoredUnit unit, decimal total, decimal basePoints, decimal bonus, decimal penalty) : Ranking.IRankRow
{
    private ValueRow? row;
    private int rank;
    private int groupSize;

    public ScoredUnit Unit => unit;

    public ValueRow UnitRow => unit.Row;

    public ValueRow Row
    {
        get
        {
            if (row is null)
            {
                var built = unit.Row.Clone();
                var layout = unit.Pass.Ruleset.Layout;
                built.Values[layout.TotalSlot] = total;
                built.Values[layout.BasePointsSlot] = basePoints;
                built.Values[layout.BonusSlot] = bonus;
                built.Values[layout.PenaltySlot] = penalty;
                built.Values[layout.RankSlot] = rank;
                built.Values[layout.GroupSizeSlot] = groupSize;
                row = built;
            }
            return row;
        }
    }

    /// <summary>Award eligibility may read rank and groupSize.</summary>
    public void SetRank(int rankInGroup, int size)
    {
        rank = rankInGroup;
        groupSize = size;
        if (row is not null)
        {
            var layout = unit.Pass.Ruleset.Layout;
            row.Values[layout.RankSlot] = rank;
            row.Values[layout.GroupSizeSlot] = groupSize;
        }
    }
}
