namespace Scoring.Host.Reviews;

/// <summary>A review just published: its id and when.</summary>
internal sealed record PublishedReviewDto(long Review, string PublishedAt);
