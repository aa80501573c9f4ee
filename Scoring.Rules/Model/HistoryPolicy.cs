namespace Scoring.Rules.Model;

/// <summary>
/// What an award's history prerequisites do with a unit that has no result for a year they look at (a commune created
/// on 1/7/2025 has none for 2024): <see cref="Barred"/> (the default, the behaviour before the field existed) fails the
/// prerequisite; <see cref="Exempt"/> judges the unit on the years it has (docs/rule-sets.md §9, `withoutHistory`).
/// </summary>
public enum HistoryPolicy
{
    Barred,
    Exempt,
}
