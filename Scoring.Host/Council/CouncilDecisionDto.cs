namespace Scoring.Host.Council;

/// <summary>The council's decision: approved or not, the ballot (for a tie at the cut), the decision's number and date (yyyy-MM-dd).</summary>
public sealed record CouncilDecisionDto(bool Approved, int? VotesFor, int? VotesAgainst, string Number, string Date);
