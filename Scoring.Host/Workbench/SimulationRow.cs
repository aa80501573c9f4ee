namespace Scoring.Host.Workbench;

/// <summary>One unit scored by the published version (From) and by the draft (To) on the same data; a side is null when that version did not rank it.</summary>
internal sealed record SimulationRow(
    string Group, string GroupName, string Code, string Name,
    int? RankFrom, bool TiedFrom, int? RankTo, bool TiedTo,
    decimal? TotalFrom, decimal? TotalTo, string? GradeFrom, string? GradeTo, string? AwardFrom, string? AwardTo)
{
    public bool RankChanged => RankFrom != RankTo || TiedFrom != TiedTo;

    public bool Changed => RankChanged || TotalFrom != TotalTo || GradeFrom != GradeTo || AwardFrom != AwardTo;
}
