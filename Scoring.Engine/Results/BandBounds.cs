namespace Scoring.Engine.Results;

/// <summary>The band row that applied: its position (1-based), its label if it has one, and its bounds.</summary>
public sealed record BandBounds(int Row, string? Label, decimal? AtLeast, decimal? Above, decimal? AtMost, decimal? Below)
{
    /// <summary>The catch-all row (no bound).</summary>
    public bool IsCatchAll => AtLeast is null && Above is null && AtMost is null && Below is null;
}
