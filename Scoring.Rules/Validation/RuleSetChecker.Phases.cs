using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    /// <summary>Names a phase award's eligibility may use besides the phase's measures.</summary>
    internal static readonly string[] PhaseReservedNames = ["rank", "groupSize", "yearsScored"];

    private void CheckPhases()
    {
        CheckDuplicates(set.Phases, p => p.Id, p => p.Path, "Mã giai đoạn", "giai đoạn");
        foreach (var phase in set.Phases)
        {
            CheckPhase(phase);
        }
    }

    private void CheckPhase(Phase phase)
    {
        var p = phase.Path;
        var label = $"Giai đoạn `{phase.Id}`";
        if (!IsBroken(p + ".years"))
        {
            if (phase.Years.From > phase.Years.To)
            {
                bag.Error(DiagnosticCodes.PhaseYears, p + ".years",
                    $"{label}: `years.from` ({phase.Years.From}) lớn hơn `years.to` ({phase.Years.To}).", "Đổi chỗ hai năm cho đúng thứ tự.");
            }
            else if (!set.Years.Contains(phase.ReviewYear))
            {
                bag.Error(DiagnosticCodes.PhaseYears, p + ".years.to",
                    $"{label} được sơ kết/tổng kết vào năm {phase.ReviewYear}, ngoài khoảng năm của bộ tiêu chí ({set.Years.From}–{set.Years.To}).",
                    "Khai báo giai đoạn trong phiên bản bộ tiêu chí áp dụng vào năm sơ kết/tổng kết của giai đoạn.");
            }
            var length = phase.Years.To - phase.Years.From + 1;
            if (phase.MinYears < 1 || (phase.Years.From <= phase.Years.To && phase.MinYears > length))
            {
                bag.Error(DiagnosticCodes.PhaseYears, p + ".minYears",
                    $"{label}: `minYears` = {phase.MinYears} phải từ 1 đến số năm của giai đoạn ({length}).",
                    "Ghi số năm có kết quả tối thiểu để đơn vị được xếp hạng giai đoạn, ví dụ 1 cho đơn vị mới thành lập.");
            }
        }

        CheckDuplicates(phase.Measures, m => m.Id, m => m.Path, "Mã chỉ tiêu sơ kết", "chỉ tiêu sơ kết");
        var gradeIds = set.Grades.Select(g => g.Id).ToList();
        var measureIds = phase.Measures.Select(m => m.Id).ToList();
        foreach (var measure in phase.Measures)
        {
            CheckMeasure(phase, measure, gradeIds);
        }

        if (phase.RankBy.IsEmpty && !IsBroken(p + ".rankBy"))
        {
            bag.Error(DiagnosticCodes.PhaseRankBy, p + ".rankBy", $"{label}: `rankBy` đang rỗng; cần biết xếp hạng giai đoạn theo chỉ tiêu nào.",
                $"Ghi các mã chỉ tiêu theo thứ tự xét, ví dụ [\"{measureIds.FirstOrDefault() ?? "meanTotal"}\"].");
        }
        for (var i = 0; i < phase.RankBy.Length; i++)
        {
            if (!measureIds.Contains(phase.RankBy[i], StringComparer.Ordinal))
            {
                bag.Error(DiagnosticCodes.PhaseRankBy, $"{p}.rankBy[{i}]",
                    $"{label}: `rankBy` ghi `{phase.RankBy[i]}`, đây không phải chỉ tiêu sơ kết của giai đoạn.{Suggestions.DidYouMean(phase.RankBy[i], measureIds)}",
                    $"Dùng một trong các mã: {Suggestions.List(measureIds)}.");
            }
        }
        if (phase.GradeBy is { } gradeBy && phase.Measures.FirstOrDefault(m => m.Id == gradeBy) is not { Method: PhaseMeasureMethod.MeanTotal })
        {
            bag.Error(DiagnosticCodes.PhaseRankBy, p + ".gradeBy",
                $"{label}: `gradeBy` = `{gradeBy}` phải là mã của một chỉ tiêu sơ kết có phương pháp `meanTotal` (điểm bình quân được xếp loại theo `grades`).",
                "Ghi mã chỉ tiêu điểm bình quân, hoặc xoá `gradeBy`.");
        }

        CheckPhaseAwards(phase, gradeIds, measureIds);
    }

    private void CheckMeasure(Phase phase, PhaseMeasure measure, List<string> gradeIds)
    {
        var label = $"Chỉ tiêu sơ kết `{measure.Id}` của giai đoạn `{phase.Id}`";
        if (RuleSetReaderNames.Contains(measure.Id) || PhaseReservedNames.Contains(measure.Id))
        {
            bag.Error(DiagnosticCodes.PhaseMeasure, measure.Path + ".id", $"{label}: `{measure.Id}` là tên dành riêng.", "Chọn một mã khác, ví dụ \"meanTotal\".");
        }
        if (measure.Method == PhaseMeasureMethod.YearsAtGrade && measure.Grade is { } grade && !gradeIds.Contains(grade, StringComparer.Ordinal))
        {
            bag.Error(DiagnosticCodes.PhaseMeasure, measure.Path + ".grade",
                $"{label} ghi mức xếp loại `{grade}`, mức này chưa được khai báo.{Suggestions.DidYouMean(grade, gradeIds)}",
                $"Dùng một trong các mã xếp loại: {Suggestions.List(gradeIds)}.");
        }
        if (measure.Method == PhaseMeasureMethod.Sum && measure.Indicator is { } id)
        {
            if (!indicators.TryGetValue(id, out var indicator))
            {
                bag.Error(DiagnosticCodes.PhaseMeasure, measure.Path + ".indicator",
                    $"{label}: `{id}` không phải chỉ số đã khai báo.{Suggestions.DidYouMean(id, indicators.Keys)}", "Khai báo chỉ số này trong `indicators` hoặc sửa lại tên.");
            }
            else if (indicator.Type is not (IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count))
            {
                bag.Error(DiagnosticCodes.PhaseMeasure, measure.Path + ".indicator",
                    $"{label}: chỉ số `{id}` không phải chỉ số kiểu số nên không cộng dồn được qua các năm.", "Chọn một chỉ số kiểu count, number hoặc percent.");
            }
        }
        if (measure.Method != PhaseMeasureMethod.YearsAtGrade && measure.Grade is not null)
        {
            bag.Error(DiagnosticCodes.PhaseMeasure, measure.Path + ".grade", $"{label}: `grade` chỉ dùng với phương pháp `yearsAtGrade`.", "Xoá `grade`.");
        }
        if (measure.Method != PhaseMeasureMethod.Sum && measure.Indicator is not null)
        {
            bag.Error(DiagnosticCodes.PhaseMeasure, measure.Path + ".indicator", $"{label}: `indicator` chỉ dùng với phương pháp `sum`.", "Xoá `indicator`.");
        }
    }

    private void CheckPhaseAwards(Phase phase, List<string> gradeIds, List<string> measureIds)
    {
        CheckDuplicates(phase.Awards, a => a.Id, a => a.Path, "Mã hình thức khen thưởng", "hình thức khen thưởng");
        var awardIds = phase.Awards.Select(a => a.Id).ToList();
        var yearlyAwardIds = set.Awards.Select(a => a.Id).ToList();
        for (var index = 0; index < phase.Awards.Length; index++)
        {
            var award = phase.Awards[index];
            var p = award.Path;
            var label = $"Hình thức khen thưởng `{award.Id}` của giai đoạn `{phase.Id}`";
            if (phase.Awards.Take(index).FirstOrDefault(o => o.Precedence == award.Precedence) is { } clash && !IsBroken(p + ".precedence"))
            {
                bag.Error(DiagnosticCodes.AwardPrecedence, p + ".precedence",
                    $"{label} có thứ tự ưu tiên `precedence` {award.Precedence}, trùng với `{clash.Id}`; thứ tự xét khen thưởng phải rõ ràng.",
                    "Đặt cho mỗi hình thức khen thưởng của giai đoạn một `precedence` khác nhau (số lớn hơn được xét trước).");
            }
            if (!award.Years.IsEmpty)
            {
                bag.Error(DiagnosticCodes.PhaseAward, p + ".years",
                    $"{label} được xét khi sơ kết/tổng kết giai đoạn (năm {phase.ReviewYear}); không ghi `years` cho hình thức khen thưởng của giai đoạn.", "Xoá `years`.");
            }
            if (!award.Grades.IsEmpty && phase.GradeBy is null)
            {
                bag.Error(DiagnosticCodes.PhaseAward, p + ".grades",
                    $"{label} xét theo mức xếp loại giai đoạn nhưng giai đoạn không có `gradeBy` nên không có xếp loại giai đoạn.",
                    "Thêm \"gradeBy\" (mã chỉ tiêu điểm bình quân) cho giai đoạn, hoặc xoá `grades`.");
            }
            CheckGradeRefs(label, p + ".grades", award.Grades, gradeIds);
            if (award.MinTotal is not null && phase.GradeBy is null)
            {
                bag.Error(DiagnosticCodes.PhaseAward, p + ".minTotal",
                    $"{label}: `minTotal` so với điểm bình quân giai đoạn (chỉ tiêu `gradeBy`), nhưng giai đoạn không có `gradeBy`.",
                    "Thêm \"gradeBy\" cho giai đoạn, hoặc viết điều kiện trong `eligibility`, ví dụ \"meanTotal >= 90\".");
            }
            if (award.MaxRank is < 1)
            {
                bag.Error(DiagnosticCodes.AwardQuota, p + ".maxRank", $"{label}: `maxRank` = {award.MaxRank} phải từ 1 trở lên (1 là đơn vị dẫn đầu nhóm).",
                    "Ghi 1 nếu chỉ xét đơn vị dẫn đầu, 3 nếu xét ba đơn vị đầu, v.v.");
            }
            CheckQuota(award, awardIds);
            foreach (var prerequisite in award.Prerequisites)
            {
                CheckPhasePrerequisite(label, award, prerequisite, awardIds, yearlyAwardIds, gradeIds);
            }
            if (award.Eligibility is { } eligibility && !IsBroken(p + ".eligibility"))
            {
                CheckPhaseEligibility(label, p + ".eligibility", eligibility, measureIds);
            }
        }
    }

    private void CheckPhasePrerequisite(string label, AwardRule award, AwardPrerequisite prerequisite, List<string> awardIds, List<string> yearlyAwardIds, List<string> gradeIds)
    {
        if (IsBroken(prerequisite.Path))
        {
            return;
        }
        switch (prerequisite.Kind)
        {
            case PrerequisiteKind.GradeInPreviousYears:
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".kind",
                    $"{label}: điều kiện `gradeInPreviousYears` chỉ dùng cho khen thưởng hằng năm.",
                    "Dùng \"kind\": \"yearsAtGrade\" (số năm trong giai đoạn đạt mức xếp loại).");
                return;
            case PrerequisiteKind.QualifiesFor when prerequisite.Award is { } other && (!awardIds.Contains(other, StringComparer.Ordinal) || other == award.Id):
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".award",
                    $"{label}: điều kiện `qualifiesFor` ghi `{other}`, đây không phải một hình thức khen thưởng khác của giai đoạn.{Suggestions.DidYouMean(other, awardIds.Where(a => a != award.Id))}",
                    $"Dùng một trong các mã: {Suggestions.List(awardIds.Where(a => a != award.Id))}.");
                return;
            case PrerequisiteKind.AwardInPreviousYears when prerequisite.Award is { } yearly && !yearlyAwardIds.Contains(yearly, StringComparer.Ordinal):
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".award",
                    $"{label}: điều kiện `awardInPreviousYears` ghi `{yearly}`, đây không phải hình thức khen thưởng hằng năm của bộ tiêu chí.{Suggestions.DidYouMean(yearly, yearlyAwardIds)}",
                    $"Dùng một trong các mã khen thưởng hằng năm: {Suggestions.List(yearlyAwardIds)}.");
                return;
        }
        CheckGradeRefs($"Điều kiện tiên quyết của {label}", prerequisite.Path + ".grades", prerequisite.Grades, gradeIds);
    }

    private void CheckPhaseEligibility(string label, string path, string text, List<string> measureIds)
    {
        var scope = new ValidationScope(System.Collections.Immutable.ImmutableDictionary<string, IndicatorDefinition>.Empty, [.. measureIds, .. PhaseReservedNames]);
        var translation = RuleExpressionCompiler.Translate(text, scope, NumericMode.Decimal, ValueKind.Boolean);
        foreach (var error in translation.Errors)
        {
            bag.Error(DiagnosticCodes.ExpressionInvalid, path,
                $"{label}, `eligibility`: {error.Message.TrimEnd('.')} (cột {error.Column} của biểu thức).",
                $"Biểu thức điều kiện của giai đoạn dùng được các chỉ tiêu sơ kết ({Suggestions.List(measureIds)}) và {string.Join(", ", PhaseReservedNames)}.");
        }
        if (translation.Errors.IsEmpty && translation.Kind != ValueKind.Boolean)
        {
            ReportWrongKind(label + ", `eligibility`", path, text, ValueKind.Boolean);
        }
    }

    private static IReadOnlyCollection<string> RuleSetReaderNames => Loading.RuleSetReader.ReservedNames;
}
