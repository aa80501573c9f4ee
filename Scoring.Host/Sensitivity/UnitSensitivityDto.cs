using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>A unit: its rank and award id with the rule set's own points, how often it kept each, its best and worst rank.</summary>
internal sealed record UnitSensitivityDto(
    string Code, string Name, int Rank, string? Award, int RankKept, decimal RankKeptShare, int AwardKept, decimal AwardKeptShare, int BestRank, int WorstRank)
{
    public static UnitSensitivityDto From(UnitSensitivity unit, SensitivityReport report) =>
        new(unit.Code, unit.Name, unit.Rank, unit.Award, unit.RankKept, report.Share(unit.RankKept), unit.AwardKept, report.Share(unit.AwardKept),
            unit.BestRank, unit.WorstRank);
}
