namespace Scoring.Host.UnitWorkspace;

/// <summary>How a report's status reads on the unit's page.</summary>
internal static class ReportStatus
{
    public static string Text(SubmissionStatus? status) => status switch
    {
        null => "chưa có báo cáo",
        SubmissionStatus.Draft => "nháp",
        SubmissionStatus.Submitted => "đã gửi",
        SubmissionStatus.Reviewed => "đã gửi (đã thẩm định)",
        SubmissionStatus.Returned => "bị trả lại",
        _ => "đã khóa",
    };

    public static string Css(SubmissionStatus? status) => "status status-" + (status?.ToString().ToLowerInvariant() ?? "draft");

    public static bool Editable(SubmissionStatus? status) => status is null or SubmissionStatus.Draft or SubmissionStatus.Returned;
}
