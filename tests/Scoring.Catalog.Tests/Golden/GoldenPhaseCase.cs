namespace Scoring.Catalog.Tests.Golden;

/// <summary>A group's hand-worked 2025–2027 phase review (docs/golden/phase-2025-2027.md).</summary>
internal sealed record GoldenPhaseCase(string Tenant, string Group, string RuleSet, string Version, IReadOnlyList<GoldenPhaseUnit> Ranking);
