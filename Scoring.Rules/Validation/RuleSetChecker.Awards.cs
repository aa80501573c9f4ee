using Scoring.Rules.Expressions;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private void CheckAwards()
    {
        CheckDuplicates(set.Awards, a => a.Id, a => a.Path, "Mã hình thức khen thưởng", "hình thức khen thưởng");
        var gradeIds = set.Grades.Select(g => g.Id).ToList();
        var awardIds = set.Awards.Select(a => a.Id).ToList();
        for (var index = 0; index < set.Awards.Length; index++)
        {
            var award = set.Awards[index];
            var p = award.Path;
            // Awards given in different years (e.g. the mid-term and the final review) may share a precedence.
            var clash = set.Awards.Take(index).FirstOrDefault(o => o.Precedence == award.Precedence && YearsOverlap(o, award));
            if (clash is not null && !IsBroken(p + ".precedence"))
            {
                bag.Error(DiagnosticCodes.AwardPrecedence, p + ".precedence",
                    $"Hình thức khen thưởng `{award.Id}` có thứ tự ưu tiên `precedence` {award.Precedence}, trùng với `{clash.Id}` trong một năm mà cả hai cùng được xét; thứ tự xét khen thưởng phải rõ ràng.",
                    "Đặt cho mỗi hình thức khen thưởng một `precedence` khác nhau (số lớn hơn được xét trước), hoặc xét chúng vào những năm khác nhau.");
            }
            CheckGradeRefs($"Hình thức khen thưởng `{award.Id}`", p + ".grades", award.Grades, gradeIds);
            for (var i = 0; i < award.Years.Length; i++)
            {
                if (!set.Years.Contains(award.Years[i]))
                {
                    bag.Error(DiagnosticCodes.AwardYears, $"{p}.years[{i}]",
                        $"Hình thức khen thưởng `{award.Id}` được xét vào năm {award.Years[i]}, ngoài khoảng năm của bộ tiêu chí ({set.Years.From}–{set.Years.To}).",
                        "Chỉ liệt kê những năm mà bộ tiêu chí áp dụng.");
                }
            }
            if (award.MaxRank is < 1)
            {
                bag.Error(DiagnosticCodes.AwardQuota, p + ".maxRank", $"Hình thức khen thưởng `{award.Id}`: `maxRank` = {award.MaxRank} phải từ 1 trở lên (1 là đơn vị dẫn đầu nhóm).",
                    "Ghi 1 nếu chỉ xét đơn vị dẫn đầu, 3 nếu xét ba đơn vị đầu, v.v.");
            }
            CheckQuota(award, awardIds);
            for (var i = 0; i < award.Prerequisites.Length; i++)
            {
                CheckPrerequisite(award, award.Prerequisites[i], awardIds, gradeIds);
            }
            if (award.Eligibility is { } eligibility)
            {
                CheckExpression($"Hình thức khen thưởng `{award.Id}`, `eligibility`", p + ".eligibility", eligibility, ValueKind.Boolean, RuleSetReader.ReservedNames);
            }
        }
    }

    private bool YearsOverlap(AwardRule a, AwardRule b) => EffectiveYears(a).Intersect(EffectiveYears(b)).Any();

    // An award without years is given in every year of the rule set.
    private IEnumerable<int> EffectiveYears(AwardRule award) =>
        award.Years.IsEmpty ? Enumerable.Range(set.Years.From, Math.Max(0, set.Years.To - set.Years.From + 1)) : award.Years;

    private void CheckGradeRefs(string label, string path, IReadOnlyList<string> grades, List<string> gradeIds)
    {
        for (var i = 0; i < grades.Count; i++)
        {
            if (!gradeIds.Contains(grades[i], StringComparer.Ordinal))
            {
                bag.Error(DiagnosticCodes.AwardGrade, $"{path}[{i}]",
                    $"{label} ghi mức xếp loại `{grades[i]}`, mức này chưa được khai báo.{Suggestions.DidYouMean(grades[i], gradeIds)}",
                    $"Dùng một trong các mã xếp loại: {Suggestions.List(gradeIds)}.");
            }
        }
    }

    private void CheckQuota(AwardRule award, List<string> awardIds)
    {
        var p = award.Path + ".quota";
        var quota = award.Quota;
        if (quota.PerGroup is < 1)
        {
            bag.Error(DiagnosticCodes.AwardQuota, p + ".perGroup", $"Hình thức khen thưởng `{award.Id}`: chỉ tiêu `perGroup` = {quota.PerGroup} phải từ 1 trở lên.",
                "Ghi số đơn vị tối đa của mỗi nhóm được nhận, hoặc bỏ `perGroup` nếu không giới hạn.");
        }
        if (quota.PerTenant is < 1)
        {
            bag.Error(DiagnosticCodes.AwardQuota, p + ".perTenant", $"Hình thức khen thưởng `{award.Id}`: chỉ tiêu `perTenant` = {quota.PerTenant} phải từ 1 trở lên.",
                "Ghi số đơn vị tối đa trong toàn địa phương được nhận, hoặc bỏ `perTenant` nếu không giới hạn.");
        }
        if (quota.MaxShare is { } share && (share <= 0 || share > 1))
        {
            bag.Error(DiagnosticCodes.AwardMaxShare, p + ".maxShare", $"Hình thức khen thưởng `{award.Id}`: tỷ lệ khen thưởng `maxShare` = {F(share)} phải lớn hơn 0 và không quá 1.",
                "Ghi một phân số, ví dụ 0.2 cho 20%.");
        }
        if (quota.ShareOf is { } shareOf && shareOf != "group" && (!awardIds.Contains(shareOf, StringComparer.Ordinal) || shareOf == award.Id))
        {
            bag.Error(DiagnosticCodes.AwardShareOf, p + ".shareOf",
                $"Hình thức khen thưởng `{award.Id}`: `shareOf` = \"{shareOf}\" không phải \"group\" cũng không phải mã của một hình thức khen thưởng khác.{Suggestions.DidYouMean(shareOf, awardIds.Append("group").Where(a => a != award.Id))}",
                "Ghi \"group\" (tỷ lệ trên số thành viên của nhóm) hoặc mã của một hình thức khen thưởng khác (tỷ lệ trên số đơn vị đủ điều kiện nhận hình thức đó).");
        }
    }

    private void CheckPrerequisite(AwardRule award, AwardPrerequisite prerequisite, List<string> awardIds, List<string> gradeIds)
    {
        if (IsBroken(prerequisite.Path))
        {
            return;
        }
        if (prerequisite.Kind == PrerequisiteKind.YearsAtGrade)
        {
            bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".kind",
                $"Hình thức khen thưởng `{award.Id}`: điều kiện `yearsAtGrade` chỉ dùng cho khen thưởng của giai đoạn (`phases[].awards`).",
                "Dùng \"kind\": \"gradeInPreviousYears\" cho khen thưởng hằng năm.");
            return;
        }
        if (prerequisite.Award is { } other)
        {
            if (!awardIds.Contains(other, StringComparer.Ordinal))
            {
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".award",
                    $"Hình thức khen thưởng `{award.Id}`: điều kiện tiên quyết ghi hình thức khen thưởng `{other}`, hình thức này chưa được khai báo.{Suggestions.DidYouMean(other, awardIds)}",
                    $"Dùng một trong các mã hình thức khen thưởng: {Suggestions.List(awardIds)}.");
            }
            else if (other == award.Id && prerequisite.Kind == PrerequisiteKind.QualifiesFor)
            {
                bag.Error(DiagnosticCodes.AwardPrerequisite, prerequisite.Path + ".award",
                    $"Hình thức khen thưởng `{award.Id}` không thể lấy việc đủ điều kiện nhận chính nó làm điều kiện tiên quyết.", "Ghi một hình thức khen thưởng khác, hoặc xoá điều kiện tiên quyết này.");
            }
        }
        CheckGradeRefs($"Điều kiện tiên quyết của hình thức khen thưởng `{award.Id}`", prerequisite.Path + ".grades", prerequisite.Grades, gradeIds);
    }
}
