using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Reviews;

/// <summary>
/// Enqueues phase reviews. The phase's years come from the tenant's published rule-set versions that declare it; the
/// review counts, for each year, the latest published run of every rule set (all groups), pinned by its hashes, and every
/// unit of the tenant. Identity (tenant, phase, inputs hash) is UNIQUE: enqueueing the same review again, or from two hosts
/// at once, returns the one stored review. A failed review is re-queued. Refusals are Vietnamese and say what to do.
/// </summary>
internal sealed class ReviewService(ScoringDbContext db, AuditTrail audit, IClock clock, IReviewScheduler scheduler, PublishedRuleSets ruleSets, ILogger<ReviewService> logger)
{
    public async Task<ReviewEnqueueOutcome> EnqueueAsync(string tenant, string phase, string actor, CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.Tenant == tenant).ToListAsync(ct);
        var declared = versions.Select(v => ruleSets.Read(v)).Where(l => l.Succeeded).Select(l => l.Document!.RuleSet)
            .SelectMany(r => r.Phases.Select(p => (RuleSet: r, Phase: p))).ToList();
        var declaring = declared.Where(d => d.Phase.Id == phase).ToList();
        if (declaring.Count == 0)
        {
            var known = declared.Select(d => d.Phase.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return ReviewEnqueueOutcome.Refused($"Không bộ tiêu chí đã công bố nào của '{tenant}' khai báo giai đoạn «{phase}»"
                + (known.Count > 0 ? $"; các giai đoạn đã khai báo: {string.Join(", ", known)}." : "; hãy công bố phiên bản bộ tiêu chí có `phases`."));
        }

        var spans = declaring.Select(d => d.Phase.Years).Distinct().ToList();
        if (spans.Count > 1)
        {
            return ReviewEnqueueOutcome.Refused($"Các bộ tiêu chí của '{tenant}' khai báo giai đoạn «{phase}» với những khoảng năm khác nhau "
                + $"({string.Join(", ", spans.Select(y => $"{y.From}–{y.To}"))}); hãy thống nhất rồi sơ kết.");
        }

        var (from, to) = (spans[0].From, spans[0].To);
        var movements = declaring.Select(d => d.RuleSet.Movement).ToHashSet(StringComparer.Ordinal);
        var movementOf = versions.ToDictionary(v => v.Id, v => ruleSets.Read(v) is { Succeeded: true } l ? l.Document!.RuleSet.Movement : null);
        var published = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.Year >= from && r.Year <= to && r.Scope == ScoringRun.AllGroupsScope && r.PublishedAt != null)
            .ToListAsync(ct);
        var byId = versions.ToDictionary(v => v.Id);
        var pins = published
            .Where(r => movementOf.GetValueOrDefault(r.RuleSetVersionId) is { } m && movements.Contains(m))
            .GroupBy(r => (r.Year, byId[r.RuleSetVersionId].RuleSetId))
            .Select(g => g.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).First())
            .Select(r => new ReviewYearRun(r.Id, r.Year, byId[r.RuleSetVersionId].RuleSetId, byId[r.RuleSetVersionId].Version, r.RuleSetSha256, r.InputsSha256, r.ResultSha256!))
            .OrderBy(p => p.Year).ThenBy(p => p.RuleSetId, StringComparer.Ordinal)
            .ToList();
        if (!pins.Any(p => p.Year == to))
        {
            return ReviewEnqueueOutcome.Refused($"Chưa có lượt chấm năm {to} (năm sơ kết của giai đoạn «{phase}») nào của '{tenant}' đã công bố; "
                + $"hãy chấm và công bố kết quả năm {to} cho mọi cụm/khối rồi sơ kết.");
        }

        var units = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).OrderBy(u => u.Code).ToListAsync(ct);
        var lastDay = new LocalDate(to, 12, 31);
        var inputs = new ReviewInputs(tenant, phase, from, to, pins,
            [.. units.Select(u => new ReviewUnit(u.Code, u.Name, u.Kind, u.ValidTo is { } end && end < lastDay, u.SuccessorCode))]);
        var inputsJson = RunJson.Serialize(inputs);
        var inputsSha = ContentHash.Of(inputsJson);
        var existing = await FindAsync(tenant, phase, inputsSha, ct);
        if (existing is not null)
        {
            await ResumeIfFailedAsync(existing, actor, ct);
            return new ReviewEnqueueOutcome(existing, false, null);
        }

        var review = new PhaseReviewRecord
        {
            TenantCode = tenant, Phase = phase, FromYear = from, ToYear = to, InputsSha256 = inputsSha, InputsJson = inputsJson,
            Status = RunStatus.Queued, CreatedAt = clock.GetCurrentInstant(), CreatedBy = actor,
        };
        db.PhaseReviews.Add(review);
        audit.Record(db, actor, "review.enqueue", "review", $"{tenant}/{phase}", null,
            new { inputs = inputsSha, runs = pins.Select(p => p.RunId).ToList() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another host enqueued the same review between our read and our insert: the unique index kept one row.
            logger.LogInformation(e, "Review {Tenant}/{Phase} was enqueued concurrently; using the stored review.", tenant, phase);
            db.ChangeTracker.Clear();
            var winner = await FindAsync(tenant, phase, inputsSha, ct)
                ?? throw new InvalidOperationException("The review could neither be inserted nor found.", e);
            return new ReviewEnqueueOutcome(winner, false, null);
        }

        await scheduler.ScheduleAsync(review.Id, ct);
        return new ReviewEnqueueOutcome(review, true, null);
    }

    private Task<PhaseReviewRecord?> FindAsync(string tenant, string phase, string inputsSha, CancellationToken ct) =>
        db.PhaseReviews.FirstOrDefaultAsync(r => r.TenantCode == tenant && r.Phase == phase && r.InputsSha256 == inputsSha, ct);

    private async Task ResumeIfFailedAsync(PhaseReviewRecord review, string actor, CancellationToken ct)
    {
        if (review.Status != RunStatus.Failed)
        {
            return;
        }

        var updated = await db.PhaseReviews.Where(r => r.Id == review.Id && r.Status == RunStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Queued).SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.Concurrency, r => r.Concurrency + 1), ct);
        if (updated == 1)
        {
            audit.Record(db, actor, "review.resume", "review", Key(review.Id), new { status = "failed", review.Error }, new { status = "queued" });
            await db.SaveChangesAsync(ct);
            await db.Entry(review).ReloadAsync(ct);
            await scheduler.ScheduleAsync(review.Id, ct);
        }
    }

    internal static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
