using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private void CheckSections()
    {
        CheckDuplicates(set.Sections, s => s.Id, s => s.Path, "Mã mục", "mục");
        CheckDuplicates(set.AllCriteria, c => c.Id, c => c.Path, "Mã tiêu chí", "tiêu chí");
        foreach (var section in set.Sections)
        {
            var sum = section.Criteria.Sum(c => c.MaxPoints);
            if (sum != section.MaxPoints && !IsBroken(section.Path + ".maxPoints") && !section.Criteria.Any(c => IsBroken(c.Path + ".maxPoints")))
            {
                bag.Error(DiagnosticCodes.SectionSumMismatch, section.Path + ".maxPoints",
                    $"Mục `{section.Id}` có `maxPoints` {F(section.MaxPoints)} nhưng tổng `maxPoints` của các tiêu chí trong mục là {F(sum)} " +
                    $"({string.Join(" + ", section.Criteria.Select(c => F(c.MaxPoints)))}).",
                    $"Đặt `maxPoints` của mục thành {F(sum)} hoặc sửa `maxPoints` của các tiêu chí.");
            }
            foreach (var criterion in section.Criteria)
            {
                CheckCriterion(criterion);
            }
        }
        CheckAdjustment(set.Bonus, "bonus", penalty: false);
        CheckAdjustment(set.Penalty, "penalty", penalty: true);
    }

    private void CheckAdjustment(Adjustment adjustment, string name, bool penalty)
    {
        if (!IsBroken(adjustment.Path + ".cap") && (adjustment.Cap < 0 || (adjustment.Cap == 0 && !adjustment.Criteria.IsEmpty)))
        {
            bag.Error(DiagnosticCodes.AdjustmentCap, adjustment.Path + ".cap",
                $"Mức trần `{name}.cap` của {(penalty ? "điểm trừ" : "điểm thưởng")} là {F(adjustment.Cap)}; khi có tiêu chí thì mức trần phải lớn hơn 0 (tổng điểm của các tiêu chí bị giới hạn ở mức này).",
                $"Đặt `{name}.cap` bằng tổng số điểm tối đa một đơn vị có thể {(penalty ? "bị trừ" : "được cộng")}, ví dụ 10.");
        }
        foreach (var criterion in adjustment.Criteria)
        {
            CheckCriterion(criterion);
        }
    }

    private void CheckCriterion(Criterion criterion)
    {
        var p = criterion.Path;
        if (!IsBroken(p + ".maxPoints") && criterion.MaxPoints <= 0)
        {
            bag.Error(DiagnosticCodes.CriterionMaxPoints, p + ".maxPoints", $"Tiêu chí `{criterion.Id}` có `maxPoints` bằng {F(criterion.MaxPoints)}; điểm tối đa cần lớn hơn 0.",
                "Đặt `maxPoints` lớn hơn 0.");
        }
        if (IsBroken(p + ".method"))
        {
            return;
        }
        switch (criterion.Method)
        {
            case BandsMethod bands:
                CheckNumber(criterion, "value", bands.Value);
                CheckBands(criterion, bands);
                break;
            case TargetMethod target:
                CheckNumber(criterion, "value", target.Value);
                CheckNumber(criterion, "target", target.Target);
                if (IsLiteral(target.Target, out var t) && t <= 0)
                {
                    bag.Error(DiagnosticCodes.TargetNotPositive, p + ".target", $"Tiêu chí `{criterion.Id}`: mục tiêu `target` = {F(t)} không lớn hơn 0.",
                        "Ghi một mục tiêu dương (giá trị mà khi đạt được thì được trọn điểm).");
                }
                break;
            case RelativeMethod relative:
                CheckNumber(criterion, "value", relative.Value);
                if (relative.Target is { } relativeTarget)
                {
                    CheckNumber(criterion, "target", relativeTarget);
                    if (IsLiteral(relativeTarget, out var rt) && rt <= 0)
                    {
                        bag.Error(DiagnosticCodes.TargetNotPositive, p + ".target", $"Tiêu chí `{criterion.Id}`: mục tiêu `target` = {F(rt)} không lớn hơn 0.",
                            "Ghi một mục tiêu dương, hoặc tên một chỉ số chứa mục tiêu được giao cho từng đơn vị.");
                    }
                }
                break;
            case RankMethod rank:
                CheckNumber(criterion, "value", rank.Value);
                CheckRank(criterion, rank);
                break;
            case CheckMethod check:
                CheckCondition(criterion, "condition", check.Condition);
                if (check.Points is { } points && (points < 0 || points > criterion.MaxPoints) && !IsBroken(p + ".maxPoints"))
                {
                    bag.Error(DiagnosticCodes.CheckPoints, p + ".points",
                        $"Tiêu chí `{criterion.Id}`: `points` = {F(points)} nằm ngoài [0, {F(criterion.MaxPoints)}] (`maxPoints` của tiêu chí).",
                        "Ghi `points` từ 0 đến `maxPoints`, hoặc bỏ `points` để tiêu chí đạt thì được trọn `maxPoints`.");
                }
                break;
            case CountMethod count:
                CheckNumber(criterion, "value", count.Value);
                if (!IsBroken(p + ".pointsEach") && count.PointsEach <= 0)
                {
                    bag.Error(DiagnosticCodes.CountPointsEach, p + ".pointsEach",
                        $"Tiêu chí `{criterion.Id}`: `pointsEach` = {F(count.PointsEach)}; giá trị này cần lớn hơn 0.",
                        "Ghi số điểm mỗi lần được cộng (hoặc bị trừ, với tiêu chí điểm trừ), ví dụ 2.");
                }
                break;
            case DeadlineMethod deadline:
                CheckDeadline(criterion, deadline);
                break;
            case ExpressionMethod expression:
                CheckNumber(criterion, "formula", expression.Formula);
                break;
        }
    }

    private static bool IsLiteral(string text, out decimal value) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value);

    private void CheckRank(Criterion criterion, RankMethod rank)
    {
        var p = criterion.Path;
        if (IsBroken(p + ".points") || IsBroken(p + ".maxPoints"))
        {
            return;
        }
        if (rank.Points.IsEmpty)
        {
            bag.Error(DiagnosticCodes.RankPoints, p + ".points", $"Tiêu chí `{criterion.Id}`: `points` đang rỗng.",
                "Liệt kê điểm cho vị trí thứ nhất, thứ hai, …, ví dụ [10, 8, 6].");
        }
        for (var i = 0; i < rank.Points.Length; i++)
        {
            var points = rank.Points[i];
            if (points < 0 || points > criterion.MaxPoints)
            {
                bag.Error(DiagnosticCodes.RankPoints, $"{p}.points[{i}]",
                    $"Tiêu chí `{criterion.Id}`: `points[{i}]` = {F(points)} nằm ngoài [0, {F(criterion.MaxPoints)}] (`maxPoints` của tiêu chí).",
                    "Ghi điểm từ 0 đến `maxPoints`.");
            }
            else if (i > 0 && points > rank.Points[i - 1])
            {
                bag.Error(DiagnosticCodes.RankPoints, $"{p}.points[{i}]",
                    $"Tiêu chí `{criterion.Id}`: vị trí {i + 1} được {F(points)} điểm, nhiều hơn vị trí {i} ({F(rank.Points[i - 1])} điểm).",
                    "Liệt kê điểm từ vị trí thứ nhất trở xuống: điểm không được tăng lên.");
            }
        }
        if (!rank.Points.IsEmpty && !IsBroken(p + ".otherwise") && (rank.Otherwise < 0 || rank.Otherwise > rank.Points[^1]))
        {
            bag.Error(DiagnosticCodes.RankPoints, p + ".otherwise",
                $"Tiêu chí `{criterion.Id}`: `otherwise` = {F(rank.Otherwise)} phải nằm trong khoảng từ 0 đến điểm của vị trí cuối danh sách ({F(rank.Points[^1])}).",
                "Cho các đơn vị xếp sau danh sách số điểm không quá điểm của vị trí cuối.");
        }
    }

    private void CheckDeadline(Criterion criterion, DeadlineMethod deadline)
    {
        var p = criterion.Path;
        if (!IsBroken(p + ".date") && deadline.Date.Length > 0)
        {
            if (!indicators.TryGetValue(deadline.Date, out var indicator))
            {
                bag.Error(DiagnosticCodes.UnknownIdentifier, p + ".date",
                    $"Tiêu chí `{criterion.Id}`: `date` ghi `{deadline.Date}`, không phải một chỉ số đã khai báo." +
                    Suggestions.DidYouMean(deadline.Date, indicators.Values.Where(i => i.Type == IndicatorType.Date).Select(i => i.Id)),
                    "Khai báo một chỉ số kiểu \"date\" trong `indicators` rồi ghi tên chỉ số đó ở đây.");
            }
            else if (indicator.Type != IndicatorType.Date)
            {
                bag.Error(DiagnosticCodes.DeadlineNotDate, p + ".date",
                    $"Tiêu chí `{criterion.Id}`: `{deadline.Date}` là chỉ số kiểu {TypeName(indicator.Type)}; phương pháp `deadline` cần một chỉ số kiểu \"date\".",
                    "Ghi tên một chỉ số có \"type\": \"date\", hoặc dùng phương pháp chấm khác cho giá trị này.");
            }
        }
        if (!IsBroken(p + ".deduct") && deadline.Deduction < 0)
        {
            bag.Error(DiagnosticCodes.DeadlineSettings, p + ".deduct", $"Tiêu chí `{criterion.Id}`: `deduct` = {F(deadline.Deduction)}; giá trị này phải từ 0 trở lên.",
                "Ghi số điểm bị trừ cho mỗi ngày hoặc mỗi tuần chậm, ví dụ 1.");
        }
        if (!IsBroken(p + ".floor") && !IsBroken(p + ".maxPoints") && (deadline.Floor < 0 || deadline.Floor > criterion.MaxPoints))
        {
            bag.Error(DiagnosticCodes.DeadlineSettings, p + ".floor",
                $"Tiêu chí `{criterion.Id}`: `floor` = {F(deadline.Floor)} nằm ngoài [0, {F(criterion.MaxPoints)}] (`maxPoints` của tiêu chí).",
                "Ghi số điểm tối thiểu mà báo cáo chậm vẫn giữ được, từ 0 đến `maxPoints`.");
        }
    }

    private void CheckNumber(Criterion criterion, string property, string text) =>
        CheckExpression($"Tiêu chí `{criterion.Id}`, `{property}`", criterion.Path + "." + property, text, ValueKind.Number, []);

    private void CheckCondition(Criterion criterion, string property, string text) =>
        CheckExpression($"Tiêu chí `{criterion.Id}`, `{property}`", criterion.Path + "." + property, text, ValueKind.Boolean, []);
}
