namespace Scoring.Host.Apis.Contracts;

public sealed record ImportSummary(int Rows, string Sha256);
