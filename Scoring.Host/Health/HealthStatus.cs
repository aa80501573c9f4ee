namespace Scoring.Host.Health;

/// <summary>Liveness or readiness: <c>status</c> is "ok" (<c>/health</c>) or "ready" (<c>/ready</c>).</summary>
public sealed record HealthStatus(string Status);
