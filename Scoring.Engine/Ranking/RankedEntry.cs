using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Engine.Ranking;

/// <summary>A unit's card in one group, with what ranking and award allocation need.</summary>
internal sealed record RankedEntry(UnitScore Score, RankKey Key, IRankRow Card, UnitRecord Unit, int GroupSize)
{
    public ValueRow Row => Card.Row;
}
