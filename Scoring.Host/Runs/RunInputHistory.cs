namespace Scoring.Host.Runs;

/// <summary>
/// An earlier year's outcome of a unit, under the unit's own code (successors are applied when the run is scored).
/// <see cref="Source"/>: "imported" (history.csv, a decided outcome that wins) or "run:&lt;id&gt;" (a published run).
/// </summary>
internal sealed record RunInputHistory(string Unit, int Year, string? Grade, string? Award, string Source)
{
    public bool IsImported => Source == Units.UnitHistory.Imported;
}
