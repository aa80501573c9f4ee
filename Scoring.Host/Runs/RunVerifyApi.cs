using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Runs;

/// <summary><c>POST /api/runs/{id}/verify</c>: re-score a completed run from its frozen inputs and compare (<see cref="RunVerifier"/>).</summary>
internal static class RunVerifyApi
{
    public static RouteGroupBuilder MapRunVerify(this RouteGroupBuilder runs)
    {
        runs.MapPost("/verify", Verify).WithName("VerifyRun").RequireAuthorization(Policies.Staff)
            .WithSummary("Re-score a completed run from its frozen inputs and pinned rule-set version; compare byte for byte with the stored result")
            .WithDescription("200 with the verification (also when it differs: `identical` false and the first difference). The verification is "
                + "stored (the public card shows the last one) and audited. A result stored before explanations became data has "
                + "`storedFormat` \"prose-reasons\": it cannot match byte for byte, and `outcomesIdentical` compares every unit's total, rank, grade and award. "
                + "Staff who may read the run: administrators, the tenant's rule maintainers, secretariats of its groups.")
            .Produces<RunVerificationDto>()
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return runs;
    }

    public static async Task<IResult> Verify(long id, HttpContext http, ScoringDbContext db, RunVerifier verifier, IOutputCacheStore pages, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return Problems.NotFound($"Không có lượt chấm {id}.");
        }

        var actor = Actor.From(http.User);
        if (!await AccessGuard.CanReadRunAsync(db, actor, run, ct))
        {
            return Problems.Forbidden($"Lượt chấm {id} không thuộc phạm vi của bạn (đơn vị chủ quản hoặc cụm/khối).");
        }

        if (run.Status != RunStatus.Completed)
        {
            return Problems.Conflict($"Lượt chấm {id} chưa hoàn tất (trạng thái {run.Status.ToString().ToLowerInvariant()}); chỉ kiểm chứng được lượt chấm đã có kết quả.");
        }

        var verification = await verifier.VerifyAsync(run, AuditTrail.Describe(actor), ct);
        // The public card and year pages show the last verification: this host's cached copies must not hide it
        // (other hosts' copies expire within PublishedPageCachePolicy.Duration).
        await pages.EvictByTagAsync(PublishedPageCachePolicy.Tag, ct);
        return TypedResults.Ok(RunVerificationDto.From(verification, run));
    }
}
