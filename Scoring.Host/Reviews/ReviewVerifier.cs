using System.Text;

namespace Scoring.Host.Reviews;

/// <summary>
/// Verifies a completed review as <see cref="RunVerifier"/> verifies a run: its frozen inputs computed again
/// (<see cref="ReviewCalculator"/>, which also re-scores every pinned yearly run and checks its stored result hash) and the
/// bytes compared with the stored result and its stored hash (<see cref="ReplayComparison"/>). Audited.
/// </summary>
internal sealed class ReviewVerifier(ScoringDbContext db, ReviewCalculator calculator, AuditTrail audit)
{
    public async Task<ReviewVerificationDto> VerifyAsync(PhaseReviewRecord review, string actor, CancellationToken ct)
    {
        ReviewVerificationDto result;
        try
        {
            var replayed = (await calculator.ComputeAsync(RunJson.Deserialize<ReviewInputs>(review.InputsJson), ct)).Json;
            var comparison = ReplayComparison.Of(Encoding.UTF8.GetBytes(review.ResultJson ?? string.Empty), Encoding.UTF8.GetBytes(replayed));
            var hashHolds = comparison.StoredSha256 == review.ResultSha256;
            result = new ReviewVerificationDto(review.Id, comparison.Identical && hashHolds, review.ResultSha256, comparison.ReplayedSha256,
                !comparison.Identical ? comparison.FirstDifference
                : hashHolds ? null
                : $"kết quả đã lưu không khớp SHA-256 đã ghi của đợt sơ kết ({review.ResultSha256}; tính lại {comparison.StoredSha256}).");
        }
        catch (InvalidOperationException e)
        {
            result = new ReviewVerificationDto(review.Id, false, review.ResultSha256, null, "Không sơ kết lại được từ dữ liệu đã lưu: " + e.Message);
        }

        audit.Record(db, actor, "review.verify", "review", ReviewService.Key(review.Id), null, result);
        await db.SaveChangesAsync(ct);
        return result;
    }
}
