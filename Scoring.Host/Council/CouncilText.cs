namespace Scoring.Host.Council;

/// <summary>How an appraisal, a council decision and a revocation read on pages and in exports (Vietnamese, vi-VN dates).</summary>
internal static class CouncilText
{
    public static string Appraisal(AwardAppraisal a) =>
        a.Confirmed ? $"Xác nhận đề nghị: {a.Reason}"
        : a.Award is null ? $"Rút đề nghị: {a.Reason}"
        : $"Điều chỉnh thành {a.AwardTitle}: {a.Reason}";

    public static string Decision(CouncilDecision d) =>
        (d.Approved ? "Hội đồng thông qua" : "Hội đồng không thông qua")
        + (d.VotesFor is { } yes && d.VotesAgainst is { } no ? $" (bỏ phiếu kín: {yes} đồng ý, {no} không đồng ý)" : "")
        + $", Quyết định số {d.DecisionNumber} ngày {Display.Date(d.DecisionDate)}";

    public static string Revocation(AwardRevocation r) =>
        $"Đã thu hồi theo Quyết định số {r.DecisionNumber} ngày {Display.Date(r.DecisionDate)}: {r.Reason}";

    public static string Status(ProposalReview review) => review.Status switch
    {
        "revoked" => "Đã thu hồi",
        "approved" => "Hội đồng thông qua",
        "rejected" => "Hội đồng không thông qua",
        "appraised" => review.FinalAward is null ? "Đã rút khi thẩm định" : "Đã thẩm định, chờ Hội đồng",
        _ => "Chờ thẩm định",
    };

    /// <summary>Everything recorded on a proposal, in order, for a table cell or a spreadsheet column.</summary>
    public static string Summary(ProposalReview review) =>
        string.Join("; ", review.Appraisals.Select(Appraisal)
            .Concat(review.Decision is { } d ? [Decision(d)] : [])
            .Concat(review.Revocation is { } r ? [Revocation(r)] : []));
}
