using System.Collections.Immutable;
using Scoring.Engine.Results;

namespace Scoring.Engine.Ranking;

/// <summary>
/// Ranks a group: best key first; remaining ties share a rank (standard competition ranking 1, 2, 2, 4), are
/// marked <see cref="UnitScore.Tied"/>, and are listed in ordinal order of unit code.
/// </summary>
internal static class GroupRanker
{
    public static ImmutableArray<RankedEntry> Rank(IEnumerable<(UnitScore Score, RankKey Key, IRankRow Row, Model.UnitRecord Unit)> members, RankKeyComparer comparer)
    {
        var ordered = members
            .OrderBy(m => m.Key, comparer)
            .ThenBy(m => m.Score.Code, StringComparer.Ordinal)
            .ToList();
        var result = ImmutableArray.CreateBuilder<RankedEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i + 1;
            if (i > 0 && comparer.Compare(ordered[i - 1].Key, ordered[i].Key) == 0)
            {
                rank = result[i - 1].Score.Rank;
            }
            var tied = (i > 0 && comparer.Compare(ordered[i - 1].Key, ordered[i].Key) == 0)
                || (i + 1 < ordered.Count && comparer.Compare(ordered[i + 1].Key, ordered[i].Key) == 0);
            var (score, key, row, unit) = ordered[i];
            result.Add(new RankedEntry(score with { Rank = rank, Tied = tied }, key, row, unit, ordered.Count));
        }
        return result.MoveToImmutable();
    }
}
