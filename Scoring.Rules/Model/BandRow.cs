namespace Scoring.Rules.Model;

/// <summary>
/// A band row. Lower bound: AtLeast (≥) or Above (&gt;); upper bound: AtMost (≤) or Below (&lt;).
/// A row with no bound is the catch-all.
/// </summary>
public sealed record BandRow(decimal? AtLeast, decimal? Above, decimal? AtMost, decimal? Below, decimal Points, string? Label, string Path)
{
    public bool IsCatchAll => AtLeast is null && Above is null && AtMost is null && Below is null;

    public bool Contains(decimal value) =>
        (AtLeast is not { } a || value >= a) && (Above is not { } b || value > b) &&
        (AtMost is not { } c || value <= c) && (Below is not { } d || value < d);
}
