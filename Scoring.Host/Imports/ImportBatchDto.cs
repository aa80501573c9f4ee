namespace Scoring.Host.Imports;

/// <summary>Provenance of an authoritative import.</summary>
public sealed record ImportBatchDto(long Id, string Source, int Year, string FileName, string Sha256, int Rows, string ImportedAt, string ImportedBy);
