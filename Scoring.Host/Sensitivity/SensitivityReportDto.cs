using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// A rank-sensitivity report as the API and the `sensitivity` verb write it (docs/api.md, docs/cli.md): counts are out of
/// <see cref="Samples"/>, each with its share to 4 decimals. The property order is the JSON's order.
/// </summary>
internal sealed record SensitivityReportDto(int Samples, decimal SpreadPercent, ulong Seed, IReadOnlyList<RuleSetSensitivityDto> RuleSets)
{
    public static SensitivityReportDto From(SensitivityReport report) =>
        new(report.Samples, report.SpreadPercent, report.Seed, [.. report.RuleSets.Select(r => RuleSetSensitivityDto.From(r, report))]);
}
