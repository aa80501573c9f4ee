namespace Scoring.Catalog.Tests.Golden;

/// <summary>An expected criterion result (or "bonus"/"penalty" after its cap) that shows one feature of the samples.</summary>
internal sealed record GoldenCriterion(string Unit, string Criterion, decimal Points, string Why);
