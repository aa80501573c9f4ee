namespace Scoring.Host.Secretariat;

/// <summary>The Vietnamese labels and URL slugs of <see cref="BoardStatus"/>.</summary>
internal static class BoardStatusText
{
    public static IReadOnlyList<BoardStatus> All { get; } = Enum.GetValues<BoardStatus>();

    public static string Title(BoardStatus status) => status switch
    {
        BoardStatus.NotSubmitted => "Chưa nộp",
        BoardStatus.Late => "Nộp muộn",
        BoardStatus.Submitted => "Đã nộp",
        BoardStatus.Returned => "Bị trả lại",
        _ => "Đã khóa",
    };

    public static string Slug(BoardStatus status) => status switch
    {
        BoardStatus.NotSubmitted => "chua-nop",
        BoardStatus.Late => "nop-muon",
        BoardStatus.Submitted => "da-nop",
        BoardStatus.Returned => "tra-lai",
        _ => "da-khoa",
    };

    public static BoardStatus? FromSlug(string? slug) => All.Cast<BoardStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    /// <summary>The workflow state as the unit and the secretariat call it.</summary>
    public static string Workflow(SubmissionStatus? status) => status switch
    {
        null => "Chưa có hồ sơ",
        SubmissionStatus.Draft => "Nháp",
        SubmissionStatus.Submitted => "Đã gửi, chờ thẩm định",
        SubmissionStatus.Reviewed => "Đã thẩm định",
        SubmissionStatus.Returned => "Bị trả lại",
        _ => "Đã khóa",
    };
}
