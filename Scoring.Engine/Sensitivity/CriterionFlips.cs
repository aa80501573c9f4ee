namespace Scoring.Engine.Sensitivity;

/// <summary>
/// A criterion and the number of samples in which a group's leader changed and this criterion's move widened the new
/// leader's lead over the old one the most.
/// </summary>
public sealed record CriterionFlips(string CriterionId, string Title, int Flips);
