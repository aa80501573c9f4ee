namespace Scoring.Host.Imports;

public sealed record ImportSummary(int Rows, string Sha256);
