using Scoring.Engine.Compilation;

namespace Scoring.Engine.Ranking;

/// <summary>A ranked unit's rows: its own values (indicator tie-breakers) and the card's row that award eligibility reads.</summary>
internal interface IRankRow
{
    /// <summary>The unit's values, without totals or rank.</summary>
    ValueRow UnitRow { get; }

    /// <summary>The values plus total, base points, bonus, penalty, rank and group size.</summary>
    ValueRow Row { get; }

    /// <summary>Records the rank in the group and the group's size (award eligibility may read them).</summary>
    void SetRank(int rank, int groupSize);
}
