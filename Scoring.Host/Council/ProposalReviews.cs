using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Council;

/// <summary>Reads the appraisals, decisions and revocations of runs' award proposals, keyed by proposal (award entry id).</summary>
internal static class ProposalReviews
{
    public static async Task<IReadOnlyDictionary<long, ProposalReview>> OfRunsAsync(ScoringDbContext db, IReadOnlyCollection<long> runIds, CancellationToken ct)
    {
        var ids = runIds.ToList();
        var entries = await db.AwardEntries.AsNoTracking().Where(a => ids.Contains(a.RunId)).OrderBy(a => a.Id).ToListAsync(ct);
        return await OfAsync(db, entries, ct);
    }

    public static async Task<IReadOnlyDictionary<long, ProposalReview>> OfAsync(ScoringDbContext db, IReadOnlyList<AwardEntry> entries, CancellationToken ct)
    {
        var runIds = entries.Select(e => e.RunId).Distinct().ToList();
        var appraisals = (await db.AwardAppraisals.AsNoTracking().Where(a => runIds.Contains(a.RunId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.AwardEntryId);
        var decisions = (await db.CouncilDecisions.AsNoTracking().Where(d => runIds.Contains(d.RunId)).OrderBy(d => d.Id).ToListAsync(ct))
            .GroupBy(d => d.AwardEntryId).ToDictionary(g => g.Key, g => g.Last());
        var revocations = await db.AwardRevocations.AsNoTracking().Where(r => runIds.Contains(r.RunId)).ToDictionaryAsync(r => r.AwardEntryId, ct);
        return entries.ToDictionary(e => e.Id, e => new ProposalReview(e, [.. appraisals[e.Id]], decisions.GetValueOrDefault(e.Id), revocations.GetValueOrDefault(e.Id)));
    }
}
