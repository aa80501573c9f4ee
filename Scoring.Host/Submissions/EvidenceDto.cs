namespace Scoring.Host.Submissions;

public sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, string UploadedAt);
