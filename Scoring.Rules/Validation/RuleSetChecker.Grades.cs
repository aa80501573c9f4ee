using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private static readonly string[] GradeNames = ["total"];

    private void CheckGrades()
    {
        if (IsBroken("$.grades"))
        {
            return;
        }
        var grades = set.Grades;
        if (grades.IsEmpty)
        {
            bag.Error(DiagnosticCodes.GradesMissing, "$.grades", "Bộ tiêu chí chưa có mức xếp loại nào (`grades` đang rỗng).",
                "Thêm các mức xếp loại từ cao xuống thấp; mức cuối cùng không có `minTotal` và `condition`.");
            return;
        }
        CheckDuplicates(grades, g => g.Id, g => g.Path, "Mã xếp loại", "mức xếp loại");
        for (var i = 0; i < grades.Length; i++)
        {
            var grade = grades[i];
            if (grade.IsCatchAll && i < grades.Length - 1)
            {
                bag.Error(DiagnosticCodes.GradesCatchAll, grade.Path,
                    $"Mức xếp loại `{grade.Id}` không có `minTotal` lẫn `condition` nên mọi đơn vị đều nhận mức này: các mức xếp loại sau nó không bao giờ được xếp.",
                    "Chỉ mức cuối cùng mới được bỏ trống điều kiện: thêm `minTotal` cho mức này hoặc chuyển nó xuống cuối.");
            }
            if (grade.Condition is { } condition)
            {
                CheckExpression($"Mức xếp loại `{grade.Id}`, `condition`", grade.Path + ".condition", condition, ValueKind.Boolean, GradeNames);
            }
        }
        var last = grades[^1];
        if (!last.IsCatchAll && !IsBroken(last.Path))
        {
            bag.Error(DiagnosticCodes.GradesCatchAll, last.Path,
                $"Mức xếp loại cuối `{last.Id}` có `minTotal` hoặc `condition`; một số đơn vị sẽ không được xếp loại.",
                "Thêm một mức cuối không có `minTotal` và `condition` (ví dụ \"Không hoàn thành nhiệm vụ\").");
        }
        foreach (var grade in grades.Where(g => g.MinTotal > set.Total.Max && !IsBroken("$.total")))
        {
            bag.Warning(DiagnosticCodes.GradesOrder, grade.Path + ".minTotal",
                $"Mức xếp loại `{grade.Id}` cần tổng điểm {F(grade.MinTotal!.Value)}, cao hơn tổng điểm tối đa có thể đạt ({F(set.Total.Max)}): không đơn vị nào được xếp mức này.",
                "Hạ `minTotal`, hoặc nâng `total.max` (hoặc mức trần điểm thưởng `bonus.cap`).");
        }
        GradeBand? previous = null;
        foreach (var grade in grades.Where(g => g.MinTotal is not null))
        {
            if (previous is not null && grade.MinTotal >= previous.MinTotal)
            {
                var why = previous.Condition is null
                    ? $"mọi tổng điểm ≥ {F(grade.MinTotal!.Value)} đã được xếp `{previous.Id}` (`minTotal` {F(previous.MinTotal!.Value)}), nên `{grade.Id}` không bao giờ được xếp"
                    : $"các mức được xét theo thứ tự, nên `{grade.Id}` chỉ nhận những đơn vị đạt {F(previous.MinTotal!.Value)} nhưng không thỏa điều kiện của `{previous.Id}`";
                bag.Warning(DiagnosticCodes.GradesOrder, grade.Path + ".minTotal",
                    $"Mức xếp loại `{grade.Id}` có `minTotal` {F(grade.MinTotal!.Value)}, không thấp hơn mức {F(previous.MinTotal!.Value)} của `{previous.Id}`: {why}.",
                    "Liệt kê các mức xếp loại theo `minTotal` từ cao xuống thấp.");
            }
            previous = grade;
        }
    }

    private void CheckTieBreakers()
    {
        foreach (var tieBreaker in set.TieBreakers)
        {
            if (IsBroken(tieBreaker.Path) || tieBreaker.Ref is not { } reference)
            {
                continue;
            }
            var candidates = tieBreaker.Kind switch
            {
                TieBreakerKind.Section => set.Sections.Select(s => s.Id),
                TieBreakerKind.Criterion => set.AllCriteria.Select(c => c.Id),
                TieBreakerKind.Indicator => set.Indicators.Where(i => i.Type != IndicatorType.Date).Select(i => i.Id),
                _ => null,
            };
            if (candidates is null)
            {
                continue;
            }
            var list = candidates.ToList();
            if (!list.Contains(reference, StringComparer.Ordinal))
            {
                var kind = tieBreaker.Kind switch
                {
                    TieBreakerKind.Criterion => "tiêu chí",
                    TieBreakerKind.Indicator => "chỉ số",
                    _ => "mục",
                };
                bag.Error(DiagnosticCodes.TieBreakerRef, tieBreaker.Path + ".ref",
                    $"Quy tắc phân định khi bằng điểm theo {kind} ghi `{reference}`, đây không phải {kind} của bộ tiêu chí này" +
                    (tieBreaker.Kind == TieBreakerKind.Indicator && indicators.ContainsKey(reference) ? " có thể so sánh được (chỉ số kiểu ngày không so sánh được)" : string.Empty) +
                    $".{Suggestions.DidYouMean(reference, list)}",
                    $"Dùng một trong các mã: {Suggestions.List(list)}.");
            }
        }
    }
}
