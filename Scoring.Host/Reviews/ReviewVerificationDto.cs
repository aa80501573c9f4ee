namespace Scoring.Host.Reviews;

/// <summary>A review computed again from its frozen inputs: identical byte for byte with the stored result and hash, or the first difference (Vietnamese).</summary>
internal sealed record ReviewVerificationDto(long Review, bool Identical, string? StoredSha256, string? ReplayedSha256, string? Difference);
