namespace Scoring.Host.Runs;

/// <summary>The outcome of publishing a run: its id and the instant it was published (ISO-8601 UTC).</summary>
public sealed record PublishedRunDto(long Id, string PublishedAt);
