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
    public static RankKey For(UnitScore score, ValueRow row, RowLayout layout, ImmutableArray<TieBreaker> tieBreakers)
    {
        var values = ImmutableArray.CreateBuilder<decimal?>(tieBreakers.Length + 1);
        values.Add(score.Total);
        foreach (var tieBreaker in tieBreakers)
        {
            values.Add(tieBreaker.Kind switch
            {
                TieBreakerKind.Section => score.Sections.FirstOrDefault(s => s.Id == tieBreaker.Ref)?.Points ?? 0m,
                TieBreakerKind.Criterion => score.Sections.SelectMany(s => s.Criteria).Concat(score.BonusCriteria).Concat(score.PenaltyCriteria)
                    .FirstOrDefault(c => c.Id == tieBreaker.Ref)?.Points ?? 0m,
                TieBreakerKind.Indicator => tieBreaker.Ref is { } id && layout.TryGetSlot(id, out var slot) && row.Present[slot] ? row.Values[slot] : null,
                TieBreakerKind.Bonus => score.Bonus,
                TieBreakerKind.Penalty => score.Penalty,
                _ => null,
            });
        }
        return new RankKey(values.MoveToImmutable());
    }
}
