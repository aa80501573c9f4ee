using Scoring.Engine.Results;

namespace Scoring.Host.Public;

/// <summary>A unit's published card: the engine's explanation plus where it comes from.</summary>
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
    IReadOnlyDictionary<string, string> IndicatorTitles);
