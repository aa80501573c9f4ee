using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Scoring.Engine.Results;

namespace Scoring.Host.Runs;

/// <summary>Scoring runs: enqueue, status, results per group, a unit's card, the award list, publish; published results per year.</summary>
internal static class RunsApi
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var tenantRuns = app.MapGroup("/api/tenants/{tenant}/runs").WithTags("Runs");
        tenantRuns.MapPost("/", Enqueue).WithName("EnqueueRun").RequireAuthorization(Policies.Staff)
            .WithSummary("Enqueue a scoring run (maintainers: any groups of their tenant; secretariats: their own groups)")
            .WithDescription("A run is identified by tenant, year, scope, rule-set SHA-256 and inputs SHA-256: 201 for a new run, 200 with the "
                + "existing identical run. `version` null takes the latest version applying to the year; `groups` empty scores every group (for a secretariat: its own groups); a secretariat naming another group gets 403.")
            .Produces<RunDto>(StatusCodes.Status201Created).Produces<RunDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        tenantRuns.MapGet("/", ListRuns).WithName("ListRuns").RequireAuthorization(Policies.Staff)
            .WithSummary("List a tenant's runs").Produces<List<RunDto>>();

        var runs = app.MapGroup("/api/runs/{id:long}").WithTags("Runs");
        runs.MapGet("/", GetRun).WithName("GetRun").RequireAuthorization(Policies.Authenticated)
            .WithSummary("Get a run's status (queued, running, completed, failed), progress and hashes")
            .Produces<RunDto>().ProducesProblems(StatusCodes.Status404NotFound);
        runs.MapGet("/groups/{group}", GetGroupResults).WithName("GetRunGroup").AllowAnonymous()
            .WithSummary("A group's leaderboard in a completed run (before publication: staff of the group only)")
            .Produces<List<LeaderboardEntry>>().ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        runs.MapGet("/units/{unit}", GetCard).WithName("GetRunCard").AllowAnonymous()
            .WithSummary("A unit's card with explanations (before publication: the unit, its secretariat, maintainers)")
            .Produces<UnitScore>().ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        runs.MapGet("/awards", GetAwards).WithName("GetRunAwards").AllowAnonymous()
            .WithSummary("Award proposals of a completed run (before publication: maintainers of the tenant; a secretariat sees its own groups' proposals)")
            .Produces<List<AwardEntryDto>>().ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        runs.MapGet("/export.xlsx", Export).WithName("ExportRun").AllowAnonymous()
            .WithSummary("The run as an .xlsx workbook (before publication: maintainers; a secretariat gets its own groups' sheets)")
            .WithDescription("One sheet per group, the award proposals, rule sets and hashes. The stored inputs are scored again and must "
                + "hash to the stored result; otherwise 409 and nothing is exported.")
            .ProducesFile(XlsxContentType)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        runs.MapPost("/publish", Publish).WithName("PublishRun").RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish a completed run, atomically and once")
            .Produces<PublishedRunDto>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        runs.MapRunVerify();

        var published = app.MapGroup("/api/tenants/{tenant}/results/{year:int}").WithTags("Results").AllowAnonymous();
        published.MapGet("/groups/{group}", GetPublishedLeaderboard).WithName("GetPublishedLeaderboard")
            .WithSummary("The latest published leaderboard of a group for a year (the run published last)")
            .Produces<List<LeaderboardEntry>>().ProducesProblems(StatusCodes.Status404NotFound);
        published.MapGet("/units/{unit}", GetPublishedCard).WithName("GetPublishedCard")
            .WithSummary("The latest published card of a unit for a year (the run published last)")
            .Produces<UnitScore>().ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Enqueues a run (<see cref="RunService.RequestAsync"/>: who may score which groups, the rule set, the groups).</summary>
    public static async Task<Results<Created<RunDto>, Ok<RunDto>, ProblemHttpResult>> Enqueue(string tenant, RunRequest body, HttpContext http, RunService runs, CancellationToken ct)
    {
        var outcome = await runs.RequestAsync(Actor.From(http.User), tenant, body, ct);
        if (outcome.Run is not { } run)
        {
            return Problems.Of(outcome.Status, outcome.Error!);
        }

        var dto = ToDto(run, outcome.RuleSet!);
        return outcome.Created ? TypedResults.Created($"/api/runs/{run.Id}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>The tenant's runs; a secretariat sees only the runs that cover one of its groups.</summary>
    public static async Task<Results<Ok<List<RunDto>>, ProblemHttpResult>> ListRuns(string tenant, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (!actor.InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không thuộc '{tenant}'.");
        }

        var runs = await db.ScoringRuns.AsNoTracking().Where(r => r.TenantCode == tenant).OrderBy(r => r.Id).ToListAsync(ct);
        if (actor.IsSecretariat)
        {
            var visible = new List<ScoringRun>();
            foreach (var run in runs)
            {
                if ((await AccessGuard.OwnGroupsOfRunAsync(db, actor, run, ct)).Count > 0)
                {
                    visible.Add(run);
                }
            }

            runs = visible;
        }

        var versions = await db.RuleSetVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, ct);
        return TypedResults.Ok(runs.Select(r => ToDto(r, versions[r.RuleSetVersionId])).ToList());
    }

    public static async Task<Results<Ok<RunDto>, ProblemHttpResult>> GetRun(long id, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return Problems.NotFound($"Không có lượt chấm {id}.");
        }

        if (!await AccessGuard.CanReadRunAsync(db, Actor.From(http.User), run, ct))
        {
            return Problems.Forbidden($"Lượt chấm {id} không thuộc phạm vi của bạn (đơn vị chủ quản hoặc cụm/khối).");
        }

        var version = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        return TypedResults.Ok(ToDto(run, version));
    }

    public static async Task<Results<Ok<IReadOnlyList<LeaderboardEntry>>, ProblemHttpResult>> GetGroupResults(long id, string group, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != RunStatus.Completed)
        {
            return Problems.NotFound($"Lượt chấm {id} chưa có kết quả.");
        }

        if (run.PublishedAt is null && !AccessGuard.CanReadGroup(Actor.From(http.User), run.TenantCode, group))
        {
            return Problems.Forbidden("Kết quả chưa công bố; chỉ thư ký cụm/khối và cơ quan thường trực được xem.");
        }

        var board = await LeaderboardAsync(db, id, group, ct);
        return board.Count == 0 ? Problems.NotFound($"Lượt chấm {id} không có cụm/khối '{group}'.") : TypedResults.Ok(board);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCard(long id, string unit, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != RunStatus.Completed)
        {
            return Problems.NotFound($"Lượt chấm {id} chưa có kết quả.");
        }

        var result = await db.UnitResults.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == id && r.UnitCode == unit, ct);
        if (result is null)
        {
            return Problems.NotFound($"Lượt chấm {id} không có đơn vị '{unit}'.");
        }

        if (run.PublishedAt is null && !CanSeeUnpublishedCard(Actor.From(http.User), run.TenantCode, result))
        {
            return Problems.Forbidden("Kết quả chưa công bố; đơn vị chỉ xem được phiếu điểm của mình.");
        }

        return TypedResults.Text(result.CardJson, "application/json");
    }

    public static async Task<Results<Ok<List<AwardEntryDto>>, ProblemHttpResult>> GetAwards(long id, HttpContext http, ScoringDbContext db, PublishedRuleSets ruleSets, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != RunStatus.Completed)
        {
            return Problems.NotFound($"Lượt chấm {id} chưa có kết quả.");
        }

        var (refusal, own) = await UnpublishedAccessAsync(db, Actor.From(http.User), run, ct);
        if (refusal is not null)
        {
            return Problems.Forbidden("Danh sách đề nghị khen thưởng chưa công bố. " + refusal);
        }

        var awards = await db.AwardEntries.AsNoTracking().Where(a => a.RunId == id).OrderBy(a => a.Id).ToListAsync(ct);
        if (own is not null)
        {
            awards = awards.Where(a => own.Contains(a.GroupCode)).ToList();
        }

        // Grouped by the authority that decides each form, as the pinned rule-set version declares it.
        var authorities = AwardAuthorities.Of(ruleSets, await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct));
        var reviews = await ProposalReviews.OfAsync(db, awards, ct);
        return TypedResults.Ok(awards.ByAuthority(a => authorities.GetValueOrDefault(a.Award)).Select(a =>
        {
            var authority = authorities.GetValueOrDefault(a.Award);
            var review = reviews[a.Id];
            return new AwardEntryDto(a.Award, a.AwardTitle, a.UnitCode, a.UnitName, a.GroupCode, a.Rank, a.Total, a.TieAtCut, a.Reason,
                authority?.LevelName, AuthorityOrder.Describe(authority, run.TenantCode), authority is null ? null : authority.Tenant ?? run.TenantCode,
                a.Id, review.Status, review.AppraisalDto, review.DecisionDto, review.RevocationDto);
        }).ToList());
    }

    /// <summary>
    /// The run as .xlsx (one sheet per group, award proposals, rule sets and hashes). The stored inputs are scored again
    /// with the shared pipeline; the result must hash to the stored result, otherwise nothing is exported.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(long id, HttpContext http, ScoringDbContext db, EngineRunCalculator calculator, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != RunStatus.Completed)
        {
            return Problems.NotFound($"Lượt chấm {id} chưa có kết quả.");
        }

        var (refusal, own) = await UnpublishedAccessAsync(db, Actor.From(http.User), run, ct);
        if (refusal is not null)
        {
            return Problems.Forbidden("Kết quả chưa công bố. " + refusal);
        }

        var ruleSet = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Code == run.TenantCode, ct);
        var scored = calculator.Score(ruleSet, RunJson.Deserialize<RunInputs>(run.InputsJson));
        if (!scored.Succeeded || ContentHash.Of(EngineRunCalculator.ResultJson(scored)) != run.ResultSha256)
        {
            return Problems.Conflict($"Không tái lập được kết quả của lượt chấm {id} từ dữ liệu đã lưu; không xuất tệp.");
        }

        var inputs = ExportInput.From(scored);
        var suffix = "";
        if (own is not null)
        {
            // A secretariat's extract: its groups' sheets and award proposals only, from the verified full result.
            inputs = [.. inputs.Select(i => i with
            {
                Result = i.Result with
                {
                    Groups = [.. i.Result.Groups.Where(g => own.Contains(g.Code))],
                    Awards = [.. i.Result.Awards.Where(a => own.Contains(a.Group))],
                    Notes = [],
                },
            })];
            suffix = "-" + string.Join('-', own);
        }

        // The appraisals, the council's decisions and revocations recorded on the run's proposals (of the groups exported).
        var reviews = (await ProposalReviews.OfRunsAsync(db, [run.Id], ct)).Values.Where(r => own is null || own.Contains(r.Entry.GroupCode))
            .OrderBy(r => r.Entry.Id).ToList();
        var stream = new MemoryStream();
        XlsxWriter.Write(inputs, tenant.Name, stream, reviews);
        return TypedResults.File(stream.ToArray(), XlsxContentType,
            $"ket-qua-{run.TenantCode}-{run.Year}-luot-{id}{suffix}.xlsx");
    }

    /// <summary>Publishes a completed run atomically (<see cref="RunPublisher"/>); a published run never changes again.</summary>
    public static async Task<Results<Ok<PublishedRunDto>, ProblemHttpResult>> Publish(long id, HttpContext http, RunPublisher publisher, CancellationToken ct)
    {
        var outcome = await publisher.PublishAsync(id, AuditTrail.Describe(Actor.From(http.User)), ct);
        return outcome.Status switch
        {
            PublishStatus.NotFound => Problems.NotFound($"Không có lượt chấm {id}."),
            PublishStatus.AlreadyPublished => Problems.Conflict($"Lượt chấm {id} đã công bố; kết quả đã công bố không thay đổi được."),
            PublishStatus.NotCompleted => Problems.Conflict($"Lượt chấm {id} chưa hoàn tất (trạng thái {outcome.Run!.Status}); chưa công bố được."),
            PublishStatus.Raced => Problems.Conflict($"Lượt chấm {id} vừa được công bố."),
            PublishStatus.AwaitingCouncil => Problems.Conflict(outcome.Hold!),
            _ => TypedResults.Ok(new PublishedRunDto(id, InstantPattern.ExtendedIso.Format(outcome.PublishedAt!.Value))),
        };
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetPublishedCard(string tenant, int year, string unit, ScoringDbContext db, IResultCache cache, CancellationToken ct)
    {
        var generation = await PublishGeneration.ReadAsync(db, tenant, year, ct);
        if (await cache.GetCardAsync(tenant, year, generation, unit) is { } cached)
        {
            return TypedResults.Text(cached, "application/json");
        }

        // The latest published: by publication time (a run enqueued earlier may be published later), then run id.
        var card = await (from r in db.UnitResults.AsNoTracking()
                          join x in db.ScoringRuns.AsNoTracking() on r.RunId equals x.Id
                          where r.UnitCode == unit && x.TenantCode == tenant && x.Year == year && x.PublishedAt != null
                          orderby x.PublishedAt descending, x.Id descending
                          select r.CardJson).FirstOrDefaultAsync(ct);
        if (card is null)
        {
            return Problems.NotFound($"Chưa có kết quả công bố năm {year} cho đơn vị '{unit}'.");
        }

        await cache.SetCardAsync(tenant, year, generation, unit, card);
        return TypedResults.Text(card, "application/json");
    }

    public static async Task<Results<Ok<IReadOnlyList<LeaderboardEntry>>, ProblemHttpResult>> GetPublishedLeaderboard(string tenant, int year, string group, ScoringDbContext db, IResultCache cache, CancellationToken ct)
    {
        var generation = await PublishGeneration.ReadAsync(db, tenant, year, ct);
        if (await cache.GetLeaderboardAsync(tenant, year, generation, group) is { } cached)
        {
            return TypedResults.Ok(cached);
        }

        var runId = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.Year == year && r.PublishedAt != null && db.UnitResults.Any(u => u.RunId == r.Id && u.GroupCode == group))
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
        if (runId is null)
        {
            return Problems.NotFound($"Chưa có kết quả công bố năm {year} cho cụm/khối '{group}'.");
        }

        var board = await LeaderboardAsync(db, runId.Value, group, ct);
        await cache.SetLeaderboardAsync(tenant, year, generation, group, board);
        return TypedResults.Ok(board);
    }

    internal static async Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(ScoringDbContext db, long runId, string group, CancellationToken ct)
    {
        var rows = await db.UnitResults.AsNoTracking().Where(r => r.RunId == runId && r.GroupCode == group)
            .OrderBy(r => r.Rank).ThenBy(r => r.UnitCode).ToListAsync(ct);
        return rows.Select(r => new LeaderboardEntry(r.Rank, r.UnitCode, r.UnitName, r.Total, r.Grade, r.Award)).ToList();
    }

    internal static RunDto ToDto(ScoringRun r, RuleSetVersion v) =>
        new(r.Id, r.TenantCode, r.Year, r.Scope, v.RuleSetId, v.Version, r.RuleSetSha256, r.InputsSha256, r.Status.ToString().ToLowerInvariant(),
            r.Progress, r.Total, r.Error, r.ResultSha256, InstantPattern.ExtendedIso.Format(r.CreatedAt),
            r.CompletedAt is { } c ? InstantPattern.ExtendedIso.Format(c) : null, r.PublishedAt is { } p ? InstantPattern.ExtendedIso.Format(p) : null);

    /// <summary>
    /// Who reads a run's award proposals and workbook: anyone once it is published; before, administrators and the tenant's
    /// rule maintainers (everything) and a secretariat of the tenant whose groups the run covers (those groups only, given
    /// back as <c>Own</c>). <c>Refusal</c> is the Vietnamese reason when the caller may not.
    /// </summary>
    internal static async Task<(string? Refusal, IReadOnlySet<string>? Own)> UnpublishedAccessAsync(ScoringDbContext db, Actor actor, ScoringRun run, CancellationToken ct)
    {
        // The tenant's appraisers (Sở Nội vụ) read the whole run before publication: they appraise its proposals.
        if (run.PublishedAt is not null || actor.IsAdministrator || (actor.Role is Roles.RuleMaintainer or Roles.Appraiser && actor.InTenant(run.TenantCode)))
        {
            return (null, null);
        }

        if (!actor.IsSecretariat || !actor.InTenant(run.TenantCode))
        {
            return ("Chỉ quản trị, cơ quan thường trực và thư ký các cụm/khối trong lượt chấm được xem trước khi công bố.", null);
        }

        var own = await AccessGuard.OwnGroupsOfRunAsync(db, actor, run, ct);
        return own.Count == 0
            ? ($"Lượt chấm {run.Id} không có cụm/khối nào của bạn ({actor.GroupList}).", null)
            : (null, own.ToHashSet(StringComparer.Ordinal));
    }

    private static bool CanSeeUnpublishedCard(Actor actor, string tenant, UnitResult result) =>
        actor.Role switch
        {
            Roles.Administrator => true,
            Roles.RuleMaintainer or Roles.Appraiser => actor.InTenant(tenant),
            Roles.Secretariat => actor.InTenant(tenant) && actor.HasGroup(result.GroupCode),
            Roles.Unit => actor.InTenant(tenant) && actor.IsUnit(result.UnitCode),
            _ => false,
        };
}
