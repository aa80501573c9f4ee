using System.Collections.Immutable;
using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// One per-unit criterion as a decimal expression tree over <see cref="FastMarkers"/>: the points before
/// rounding (<see cref="Raw"/>, and <see cref="Points"/> clamped to [0, max]). <see cref="Required"/> are
/// the indicators whose absence scores 0.
/// </summary>
internal sealed record CriterionPlan(string Id, decimal MaxPoints, Expression Raw, Expression Points, ImmutableArray<int> Required);
