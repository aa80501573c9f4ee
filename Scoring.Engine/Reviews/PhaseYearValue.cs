using System.Collections.Immutable;

namespace Scoring.Engine.Reviews;

/// <summary>
/// One year of a unit's phase record: its own result, or one derived from the units merged into it
/// (<see cref="From"/> lists them; empty for its own result). Total null: no result that year.
/// </summary>
public sealed record PhaseYearValue(int Year, decimal? Total, string? Grade, string? Award, ImmutableArray<string> From);
