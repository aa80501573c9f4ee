using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Council;

/// <summary>
/// Whether a run may be published as far as the council is concerned. A run whose rule set's movement declares the council
/// step (<see cref="Movement.CouncilStep"/>) is held until every award proposal is appraised and every proposal still standing
/// has the council's decision. Runs of movements without the step publish as before; appraisals and decisions recorded on
/// them are shown all the same.
/// </summary>
internal sealed class CouncilGate(ScoringDbContext db, PublishedRuleSets ruleSets)
{
    public async Task<bool> RequiredAsync(ScoringRun run, CancellationToken ct)
    {
        var version = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == run.RuleSetVersionId, ct);
        if (version is null || ruleSets.Read(version).Document?.RuleSet.Movement is not { } movement)
        {
            return false;
        }

        return await db.Movements.AsNoTracking().AnyAsync(m => m.TenantCode == run.TenantCode && m.Code == movement && m.CouncilStep, ct);
    }

    /// <summary>Null when nothing holds the run back; otherwise, in Vietnamese, which proposals wait for what.</summary>
    public async Task<string?> HoldAsync(ScoringRun run, CancellationToken ct)
    {
        if (!await RequiredAsync(run, ct))
        {
            return null;
        }

        var reviews = (await ProposalReviews.OfRunsAsync(db, [run.Id], ct)).Values.OrderBy(r => r.Entry.Id).ToList();
        var unappraised = reviews.Where(r => r.Appraisal is null).Select(r => r.Entry.UnitName).ToList();
        var undecided = reviews.Where(r => r.Appraisal is not null && r.FinalAward is not null && r.Decision is null).Select(r => r.Entry.UnitName).ToList();
        if (unappraised.Count == 0 && undecided.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (unappraised.Count > 0)
        {
            parts.Add($"chưa thẩm định: {string.Join(", ", unappraised)}");
        }

        if (undecided.Count > 0)
        {
            parts.Add($"chưa có quyết định của Hội đồng: {string.Join(", ", undecided)}");
        }

        return $"Phong trào của lượt chấm {run.Id} cần thẩm định và quyết định của Hội đồng thi đua trước khi công bố; {string.Join("; ", parts)}.";
    }
}
