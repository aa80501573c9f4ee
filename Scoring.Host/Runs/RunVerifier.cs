using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>
/// Verifies a completed run: its frozen inputs scored again with its pinned rule-set version by the shared pipeline
/// (<see cref="EngineRunCalculator"/>), the result's bytes compared with the stored result (<see cref="ReplayComparison"/>,
/// the `verify` verb's comparison) and with the stored result hash. The verification is stored and audited in one
/// transaction. A result stored before explanations became data cannot match byte for byte (the engine no longer writes
/// that form); for it the verification says so and compares every unit's total, rank, grade and award instead.
/// </summary>
internal sealed class RunVerifier(ScoringDbContext db, EngineRunCalculator calculator, AuditTrail audit, IClock clock)
{
    public async Task<RunVerification> VerifyAsync(ScoringRun run, string actor, CancellationToken ct)
    {
        var ruleSet = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        var scored = calculator.Score(ruleSet, RunJson.Deserialize<RunInputs>(run.InputsJson));
        var verification = new RunVerification
        {
            RunId = run.Id,
            VerifiedAt = clock.GetCurrentInstant(),
            VerifiedBy = actor,
            StoredFormat = StoredResultFormat.Of(run.ResultJson),
            ReplayedSha256 = "",
        };
        if (!scored.Succeeded)
        {
            verification.Difference = "Không chấm lại được từ dữ liệu đã lưu: " + string.Join(" ", scored.Problems);
        }
        else
        {
            var replayed = EngineRunCalculator.ResultJson(scored);
            verification.ReplayedSha256 = ContentHash.Of(replayed);
            if (verification.StoredFormat == RunVerification.ProseFormat)
            {
                var difference = await OutcomeDifferenceAsync(run.Id, scored, ct);
                verification.OutcomesIdentical = difference is null;
                verification.Difference = "Kết quả đã lưu theo định dạng cũ (lý do của từng tiêu chí viết sẵn thành câu, trước khi lời giải thích "
                    + "thành dữ liệu) nên không so từng byte được với cách ghi hiện nay; "
                    + (difference ?? "tổng điểm, thứ hạng, xếp loại và khen thưởng của mọi đơn vị trùng khớp.");
            }
            else if (run.ResultJson is null)
            {
                verification.Identical = verification.ReplayedSha256 == run.ResultSha256;
                verification.Difference = verification.Identical ? null
                    : $"SHA-256 kết quả đã lưu {run.ResultSha256}, chấm lại {verification.ReplayedSha256}.";
            }
            else
            {
                var comparison = ReplayComparison.Of(Encoding.UTF8.GetBytes(run.ResultJson), Encoding.UTF8.GetBytes(replayed));
                var hashHolds = comparison.StoredSha256 == run.ResultSha256;
                verification.Identical = comparison.Identical && hashHolds;
                verification.Difference = !comparison.Identical ? comparison.FirstDifference
                    : hashHolds ? null
                    : $"kết quả đã lưu không khớp SHA-256 đã ghi của lượt chấm ({run.ResultSha256}; tính lại {comparison.StoredSha256}).";
            }
        }

        db.RunVerifications.Add(verification);
        audit.Record(db, actor, "run.verify", "run", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { run.Id, verification.Identical, verification.StoredFormat, verification.ReplayedSha256, verification.OutcomesIdentical });
        await db.SaveChangesAsync(ct);
        return verification;
    }

    /// <summary>The first unit whose total, rank, grade or award differs from the stored row; null when none does.</summary>
    private async Task<string?> OutcomeDifferenceAsync(long runId, PipelineRun scored, CancellationToken ct)
    {
        var stored = await db.UnitResults.AsNoTracking().Where(r => r.RunId == runId).ToListAsync(ct);
        var byKey = stored.ToDictionary(r => (r.GroupCode, r.UnitCode));
        var replayed = scored.Units.ToList();
        foreach (var (_, group, unit) in replayed)
        {
            if (!byKey.TryGetValue((group.Code, unit.Code), out var row))
            {
                return $"đơn vị {unit.Code} (cụm/khối {group.Code}) có trong kết quả chấm lại nhưng không có trong kết quả đã lưu.";
            }
            if (row.Total != unit.Total || row.Rank != unit.Rank || row.Grade != unit.Grade || row.Award != unit.Award)
            {
                return $"đơn vị {unit.Code} (cụm/khối {group.Code}): đã lưu tổng {row.Total}, hạng {row.Rank}, xếp loại «{row.Grade}», "
                    + $"khen thưởng «{row.Award}»; chấm lại tổng {unit.Total}, hạng {unit.Rank}, xếp loại «{unit.Grade}», khen thưởng «{unit.Award}».";
            }
        }
        return stored.Count == replayed.Count ? null
            : $"kết quả đã lưu có {stored.Count} dòng đơn vị, chấm lại có {replayed.Count}.";
    }
}
