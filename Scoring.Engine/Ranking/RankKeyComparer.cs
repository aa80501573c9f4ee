using Scoring.Rules.Model;

namespace Scoring.Engine.Ranking;

/// <summary>Orders rank keys best first: total descending, then each tie-breaker in its direction; missing values last.</summary>
internal sealed class RankKeyComparer : IComparer<RankKey>
{
    private readonly bool[] descending;

    public RankKeyComparer(IEnumerable<TieBreaker> tieBreakers)
    {
        descending = [true, .. tieBreakers.Select(t => t.Descending)];
    }

    public int Compare(RankKey? x, RankKey? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var i = 0; i < descending.Length; i++)
        {
            var (a, b) = (x.Values[i], y.Values[i]);
            if (a == b)
            {
                continue;
            }
            if (a is null)
            {
                return 1;
            }
            if (b is null)
            {
                return -1;
            }
            var order = a.Value.CompareTo(b.Value);
            return descending[i] ? -order : order;
        }
        return 0;
    }
}
