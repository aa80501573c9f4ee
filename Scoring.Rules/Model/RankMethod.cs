using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>Points by position of the value in the group: Points[0] for the first, and so on; Otherwise after that. Ties share a position.</summary>
public sealed record RankMethod(string Value, bool Descending, ImmutableArray<decimal> Points, decimal Otherwise) : CriterionMethod
{
    public override string Name => "rank";

    public override bool NeedsGroup => true;
}
