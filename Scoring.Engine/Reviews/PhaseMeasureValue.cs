namespace Scoring.Engine.Reviews;

/// <summary>One measure's value for a unit.</summary>
public sealed record PhaseMeasureValue(string Id, string Title, decimal Value);
