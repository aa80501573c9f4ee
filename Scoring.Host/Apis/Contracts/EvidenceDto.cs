namespace Scoring.Host.Apis.Contracts;

public sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, string UploadedAt);
