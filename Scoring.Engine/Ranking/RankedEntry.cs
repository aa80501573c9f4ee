using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Engine.Ranking;

/// <summary>A unit's card in one group, with what ranking and award allocation need.</summary>
internal sealed record RankedEntry(UnitScore Score, RankKey Key, ValueRow Row, UnitRecord Unit, int GroupSize);
