using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>One rule set's part of a sensitivity report: its groups and the criteria that flipped a group's leader most often.</summary>
internal sealed record RuleSetSensitivityDto(
    string Id, string Version, string Sha256, string Title, int Year, IReadOnlyList<CriterionFlipsDto> LeaderFlips, IReadOnlyList<GroupSensitivityDto> Groups)
{
    public static RuleSetSensitivityDto From(RuleSetSensitivity set, SensitivityReport report) =>
        new(set.RuleSet.Id, set.RuleSet.Version, set.RuleSet.Sha256, set.Title, set.Year,
            [.. set.LeaderFlips.Select(CriterionFlipsDto.From)], [.. set.Groups.Select(g => GroupSensitivityDto.From(g, report))]);
}
