namespace Scoring.Engine.Results;

/// <summary>A section's points: the sum of its criteria, capped at the section's maximum.</summary>
public sealed record SectionScore(string Id, string Title, decimal Points, decimal MaxPoints, CriterionList Criteria);
