
namespace Scoring.Host.Public;

/// <summary>What the public sees for a tenant and year: each group's ranking and the award proposals with their appraisal, council decision and revocation.</summary>
internal sealed record YearResults(
    string TenantCode,
    string TenantName,
    int Year,
    IReadOnlyList<GroupRanking> Groups,
    IReadOnlyList<AwardEntry> Awards,
    IReadOnlyList<PublishedRun> Runs,
    IReadOnlyDictionary<long, ProposalReview> Reviews);
