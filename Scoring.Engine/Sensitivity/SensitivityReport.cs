using System.Collections.Immutable;

namespace Scoring.Engine.Sensitivity;

/// <summary>What a rank-sensitivity analysis found, per rule set, group and unit. Counts are out of <see cref="Samples"/>.</summary>
public sealed record SensitivityReport(int Samples, decimal SpreadPercent, ulong Seed, ImmutableArray<RuleSetSensitivity> RuleSets)
{
    /// <summary>A count out of <see cref="Samples"/> as a share, 4 decimals.</summary>
    public decimal Share(int count) => Math.Round((decimal)count / Samples, 4, MidpointRounding.AwayFromZero);
}
