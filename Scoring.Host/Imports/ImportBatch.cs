using NodaTime;

namespace Scoring.Host.Imports;

/// <summary>The provenance of an authoritative import: which source, which file (hash), who, when.</summary>
internal sealed class ImportBatch
{
    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public int Year { get; set; }

    public ImportSource Source { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public int Rows { get; set; }

    public Instant ImportedAt { get; set; }

    public required string ImportedBy { get; set; }
}
