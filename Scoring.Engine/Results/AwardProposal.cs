using Scoring.Rules.Model;

namespace Scoring.Engine.Results;

/// <summary>
/// A proposed award for a unit, with the reason (Vietnamese), whether a tie at the quota's cut needs a council vote,
/// and the authority that decides it (null when the rule set does not declare one).
/// </summary>
public sealed record AwardProposal(string Award, string AwardTitle, string UnitCode, string UnitName, string Group, int Rank, decimal Total, bool TieAtCut, string Reason,
    AwardAuthority? Authority = null);
