namespace Scoring.Host.Runs;

/// <summary>What a calculator returns: one row per unit, the award list, and the full result JSON (hashed and stored).</summary>
internal sealed record RunOutcome(IReadOnlyList<UnitOutcome> Units, IReadOnlyList<AwardOutcome> Awards, string ResultJson);
