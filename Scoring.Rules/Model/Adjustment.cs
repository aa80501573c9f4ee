using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>Bonus or penalty criteria; their points add up and are capped at <see cref="Cap"/>.</summary>
public sealed record Adjustment(decimal Cap, ImmutableArray<Criterion> Criteria, string Path)
{
    public static Adjustment None(string path) => new(0m, [], path);
}
