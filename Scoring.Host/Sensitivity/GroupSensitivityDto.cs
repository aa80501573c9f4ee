using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>A cluster or bloc: its leader, in how many samples it kept the lead, the criteria that flipped it, its units.</summary>
internal sealed record GroupSensitivityDto(
    string Code, string Name, string? Leader, int LeaderKept, decimal LeaderKeptShare, IReadOnlyList<CriterionFlipsDto> FlipCriteria, IReadOnlyList<UnitSensitivityDto> Units)
{
    public static GroupSensitivityDto From(GroupSensitivity group, SensitivityReport report) =>
        new(group.Code, group.Name, group.Leader, group.LeaderKept, report.Share(group.LeaderKept),
            [.. group.FlipCriteria.Select(CriterionFlipsDto.From)], [.. group.Units.Select(u => UnitSensitivityDto.From(u, report))]);
}
