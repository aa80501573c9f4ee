namespace Scoring.Host.Secretariat;

/// <summary>
/// What the secretariat reads of a completed run for one group: its ranking (with last year's comparison), the award
/// proposals (ties at a quota cut flagged), and the rule set and hashes that make it reproducible.
/// </summary>
internal sealed record CouncilResult(
    ScoringRun Run,
    RuleSetVersion RuleSet,
    string Group,
    string GroupName,
    IReadOnlyList<RankingLine> Ranking,
    IReadOnlyList<AwardEntry> Awards,
    long? PreviousRunId)
{
    public decimal Average => Ranking.Count == 0 ? 0 : Ranking.Average(r => r.Total);
}
