namespace Scoring.Host.RuleSets;

/// <summary>
/// A unit whose proposed award differs between the two versions: the award id before and after (null: none), whether
/// the proposal ties at the quota's cut on each side (a council vote), and the rank on each side (null: not ranked).
/// </summary>
public sealed record AwardImpactDto(
    string Unit, string Name, string Group, string? AwardFrom, string? AwardTo, bool TieAtCutFrom, bool TieAtCutTo, int? RankFrom, int? RankTo);
