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
        var list = members.ToList();
        return Rank(
            [.. list.Select(m => m.Score)], [.. list.Select(m => m.Key)], [.. list.Select(m => m.Row)], [.. list.Select(m => m.Unit)], comparer);
    }

    /// <summary>The same, with the members' parts in parallel arrays (the scoring pass's form: no tuples, one sort of indices).</summary>
    public static ImmutableArray<RankedEntry> Rank(UnitScore[] scores, RankKey[] keys, IRankRow[] rows, Model.UnitRecord[] units, RankKeyComparer comparer)
    {
        var count = scores.Length;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        // Codes are distinct within a group, so this order is total and needs no stable sort.
        Array.Sort(order, (a, b) =>
        {
            var byKey = comparer.Compare(keys[a], keys[b]);
            return byKey != 0 ? byKey : string.CompareOrdinal(scores[a].Code, scores[b].Code);
        });
        var result = new RankedEntry[count];
        for (var i = 0; i < count; i++)
        {
            var m = order[i];
            var tiedBefore = i > 0 && comparer.Compare(keys[order[i - 1]], keys[m]) == 0;
            var tiedAfter = i + 1 < count && comparer.Compare(keys[order[i + 1]], keys[m]) == 0;
            var rank = tiedBefore ? result[i - 1].Score.Rank : i + 1;
            result[i] = new RankedEntry(scores[m] with { Rank = rank, Tied = tiedBefore || tiedAfter }, keys[m], rows[m], units[m], count);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(result);
    }
}
