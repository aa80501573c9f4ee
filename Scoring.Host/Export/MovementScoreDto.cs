namespace Scoring.Host.Export;

/// <summary>
/// One unit's line for its cluster's/bloc's general yearly score sheet: its group, rank in the group, the movement's total
/// out of <c>maxPoints</c>, that as a percentage, its grade, and (when a scale was asked for) the points the general sheet
/// gives the movement's criterion (<c>scaled</c> = total / maxPoints × scale, rounded to 2 decimals, half away from zero).
/// </summary>
public sealed record MovementScoreDto(string Group, string GroupName, string Unit, string Name, int Rank, decimal Total, decimal MaxPoints, decimal Percent,
    string Grade, string GradeTitle, decimal? Scaled);
