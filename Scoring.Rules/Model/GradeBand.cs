namespace Scoring.Rules.Model;

/// <summary>
/// A grade (xếp loại). Grades are tried in order; the first whose MinTotal is met and whose optional
/// Condition holds is the unit's grade. The last grade must be a catch-all (no MinTotal, no Condition).
/// </summary>
public sealed record GradeBand(string Id, string Title, decimal? MinTotal, string? Condition, string Path)
{
    public bool IsCatchAll => MinTotal is null && Condition is null;
}
