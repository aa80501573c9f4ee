using System.Collections.Immutable;
using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// One per-unit criterion as a decimal expression tree over <see cref="FastMarkers"/>: the points before
/// rounding and clamping (both compiled forms round to the precision, half away from zero, then clamp to
/// [0, max], as the engine does). <see cref="Required"/> are the indicators whose absence scores 0.
/// </summary>
internal sealed record CriterionPlan(string Id, decimal MaxPoints, Expression Raw, ImmutableArray<int> Required);
