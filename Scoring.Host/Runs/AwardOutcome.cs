namespace Scoring.Host.Runs;

internal sealed record AwardOutcome(string Award, string AwardTitle, string Unit, string Name, string Group, int Rank, decimal Total, bool TieAtCut, string Reason);
