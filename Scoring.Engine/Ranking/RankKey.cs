using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Engine.Ranking;

/// <summary>
/// What a unit is ranked by: the total, then each tie-breaker's value (null = missing indicator, always last).
/// </summary>
internal sealed record RankKey(ImmutableArray<decimal?> Values)
{
    public static RankKey For(UnitScore score, IRankRow card, RowLayout layout, ImmutableArray<TieBreaker> tieBreakers)
    {
        var values = new decimal?[tieBreakers.Length + 1];
        values[0] = score.Total;
        for (var t = 0; t < tieBreakers.Length; t++)
        {
            var tieBreaker = tieBreakers[t];
            values[t + 1] = (tieBreaker.Kind switch
            {
                TieBreakerKind.Section => score.Sections.FirstOrDefault(s => s.Id == tieBreaker.Ref)?.Points ?? 0m,
                TieBreakerKind.Criterion => CriterionPoints(score, tieBreaker.Ref),
                TieBreakerKind.Indicator => tieBreaker.Ref is { } id && layout.TryGetSlot(id, out var slot) && card.UnitRow.Present[slot] ? card.UnitRow.Values[slot] : null,
                TieBreakerKind.Bonus => score.Bonus,
                TieBreakerKind.Penalty => score.Penalty,
                _ => null,
            });
        }
        return new RankKey(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    // Points only: building the criteria's explanations is not needed to rank.
    private static decimal CriterionPoints(UnitScore score, string? id)
    {
        foreach (var list in score.Sections.Select(s => s.Criteria).Append(score.BonusCriteria).Append(score.PenaltyCriteria))
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list.IdAt(i) == id)
                {
                    return list.PointsAt(i);
                }
            }
        }
        return 0m;
    }
}
