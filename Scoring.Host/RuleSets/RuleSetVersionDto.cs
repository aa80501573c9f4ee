namespace Scoring.Host.RuleSets;

public sealed record RuleSetVersionDto(string Id, string Version, string Tenant, string Title, string Sha256, string PublishedAt, string PublishedBy);
