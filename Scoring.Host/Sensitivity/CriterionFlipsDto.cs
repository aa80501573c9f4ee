using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>A criterion and in how many samples its move did the most to change a group's leader.</summary>
internal sealed record CriterionFlipsDto(string Criterion, string Title, int Flips)
{
    public static CriterionFlipsDto From(CriterionFlips flips) => new(flips.CriterionId, flips.Title, flips.Flips);
}
