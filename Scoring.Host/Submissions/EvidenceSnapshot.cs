namespace Scoring.Host.Submissions;

/// <summary>One evidence file as the audit log hashes a submission's evidence list.</summary>
internal sealed record EvidenceSnapshot(string FileName, string ContentType, long Size, string Sha256);
