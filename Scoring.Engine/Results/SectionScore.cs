using System.Collections.Immutable;

namespace Scoring.Engine.Results;

public sealed record SectionScore(string Id, string Title, decimal Points, decimal MaxPoints, ImmutableArray<CriterionScore> Criteria);
