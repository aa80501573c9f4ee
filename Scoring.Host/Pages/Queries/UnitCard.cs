using Scoring.Engine.Results;

namespace Scoring.Host.Pages.Queries;

/// <summary>A unit's published card: the engine's explanation plus where it comes from.</summary>
internal sealed record UnitCard(
    string TenantCode,
    string TenantName,
    int Year,
    string GroupName,
    int GroupSize,
    UnitScore Score,
    string? AwardTitle,
    PublishedRun Run);
