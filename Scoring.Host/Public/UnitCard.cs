using Scoring.Engine.Results;

namespace Scoring.Host.Public;

/// <summary>A unit's published card: the engine's explanation plus where it comes from.</summary>
/// <param name="Proposals">The unit's award proposals in the run, each with every appraisal, the council's decision and any revocation.</param>
/// <param name="IndicatorTitles">Titles of the pinned rule set's indicators, so the values used read as the unit reported them, not as ids.</param>
internal sealed record UnitCard(
    string TenantCode,
    string TenantName,
    int Year,
    string GroupName,
    int GroupSize,
    UnitScore Score,
    string? AwardTitle,
    PublishedRun Run,
    IReadOnlyDictionary<string, string> IndicatorTitles,
    IReadOnlyList<ProposalReview> Proposals);
