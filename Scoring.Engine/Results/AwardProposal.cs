namespace Scoring.Engine.Results;

/// <summary>A proposed award for a unit, with the reason (Vietnamese) and whether a tie at the quota's cut needs a council vote.</summary>
public sealed record AwardProposal(string Award, string AwardTitle, string UnitCode, string UnitName, string Group, int Rank, decimal Total, bool TieAtCut, string Reason);
