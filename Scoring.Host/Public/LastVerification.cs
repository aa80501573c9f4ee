using NodaTime;

namespace Scoring.Host.Public;

/// <summary>The latest verification of a published run (<see cref="RunVerification"/>), as the run's pin shows it.</summary>
internal sealed record LastVerification(Instant At, bool Identical, string StoredFormat, bool? OutcomesIdentical)
{
    /// <summary>What the verification found, in Vietnamese.</summary>
    public string Finding =>
        Identical ? "chấm lại từ dữ liệu đã lưu cho đúng từng byte kết quả đã công bố"
        : StoredFormat == RunVerification.ProseFormat && OutcomesIdentical == true
            ? "kết quả lưu theo định dạng cũ; chấm lại cho cùng tổng điểm, thứ hạng, xếp loại và khen thưởng"
            : "chấm lại KHÔNG trùng khớp kết quả đã công bố";
}
