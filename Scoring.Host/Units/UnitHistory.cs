using NodaTime;

namespace Scoring.Host.Units;

/// <summary>
/// A decided outcome (grade, award) of a unit in an earlier year, kept under the unit's own code (successors are applied
/// when a run is scored). <see cref="Source"/> says where it came from: "imported" for history.csv.
/// </summary>
internal sealed class UnitHistory
{
    public const string Imported = "imported";

    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public required string UnitCode { get; set; }

    public int Year { get; set; }

    public string? Grade { get; set; }

    public string? Award { get; set; }

    public required string Source { get; set; }

    public Instant RecordedAt { get; set; }
}
