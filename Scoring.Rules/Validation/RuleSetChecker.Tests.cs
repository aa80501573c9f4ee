using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    private void CheckTests()
    {
        CheckDuplicates(set.Tests, t => t.Name, t => t.Path, "Tên ca kiểm thử", "ca kiểm thử", "name");
        var criteria = new Dictionary<string, Criterion>(StringComparer.Ordinal);
        foreach (var criterion in set.AllCriteria)
        {
            criteria.TryAdd(criterion.Id, criterion);
        }
        foreach (var test in set.Tests)
        {
            var label = $"Ca kiểm thử \"{test.Name}\"";
            if (!IsBroken(test.Path + ".year") && !IsBroken("$.years") && !set.Years.Contains(test.Year))
            {
                bag.Error(DiagnosticCodes.TestYear, test.Path + ".year",
                    $"{label}: năm {test.Year} nằm ngoài khoảng năm của bộ tiêu chí ({set.Years.From}–{set.Years.To}).",
                    "Dùng một năm mà bộ tiêu chí áp dụng.");
            }
            CheckTestValues(label, test.Path + ".values", test.Values);
            for (var i = 0; i < test.Peers.Length; i++)
            {
                var code = test.Peers[i].Code;
                if (code.Length > 0 && test.Peers.Take(i).Any(p => p.Code == code))
                {
                    bag.Error(DiagnosticCodes.TestPeer, $"{test.Path}.peers[{i}].code",
                        $"{label}: mã đơn vị cùng nhóm `{code}` được dùng hai lần; mỗi đơn vị cùng nhóm là một đơn vị khác nhau.", "Đặt cho mỗi đơn vị cùng nhóm một mã riêng.");
                }
                CheckTestValues($"{label}, đơn vị cùng nhóm `{test.Peers[i].Code}`", $"{test.Path}.peers[{i}].values", test.Peers[i].Values);
            }
            foreach (var (id, points) in test.ExpectedCriteria.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var path = PropertyPath(test.Path + ".expect.criteria", id);
                if (!criteria.TryGetValue(id, out var criterion))
                {
                    bag.Error(DiagnosticCodes.TestUnknownReference, path,
                        $"{label} mong đợi điểm của tiêu chí `{id}`, tiêu chí này chưa được khai báo.{Suggestions.DidYouMean(id, criteria.Keys)}",
                        "Dùng mã một tiêu chí của bộ tiêu chí này.");
                }
                else if (points < 0 || points > criterion.MaxPoints)
                {
                    bag.Error(DiagnosticCodes.TestValueRange, path,
                        $"{label} mong đợi {F(points)} điểm cho `{id}`, nằm ngoài [0, {F(criterion.MaxPoints)}] (`maxPoints` của tiêu chí).",
                        "Sửa lại số điểm mong đợi.");
                }
            }
            if (test.ExpectedTotal is { } total && (total < set.Total.Min || total > set.Total.Max))
            {
                bag.Error(DiagnosticCodes.TestValueRange, test.Path + ".expect.total",
                    $"{label} mong đợi tổng điểm {F(total)}, nằm ngoài [{F(set.Total.Min)}, {F(set.Total.Max)}] (giới hạn tổng điểm của bộ tiêu chí).",
                    "Sửa lại tổng điểm mong đợi.");
            }
            if (test.ExpectedGrade is { } grade && !set.Grades.Any(g => g.Id == grade))
            {
                var ids = set.Grades.Select(g => g.Id).ToList();
                bag.Error(DiagnosticCodes.TestGrade, test.Path + ".expect.grade",
                    $"{label} mong đợi mức xếp loại `{grade}`, mức này chưa được khai báo.{Suggestions.DidYouMean(grade, ids)}",
                    $"Dùng một trong các mã xếp loại: {Suggestions.List(ids)}.");
            }
        }
    }

    private void CheckTestValues(string label, string path, ImmutableDictionary<string, IndicatorValue> values)
    {
        foreach (var (id, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var valuePath = PropertyPath(path, id);
            if (!indicators.TryGetValue(id, out var indicator))
            {
                bag.Error(DiagnosticCodes.TestUnknownReference, valuePath,
                    $"{label} ghi giá trị cho `{id}`, đây không phải chỉ số đã khai báo.{Suggestions.DidYouMean(id, indicators.Keys)}",
                    "Khai báo chỉ số này hoặc sửa lại tên.");
            }
            else if (TypeProblem(indicator, value) is { } problem)
            {
                bag.Error(DiagnosticCodes.TestValueType, valuePath, $"{label}: {problem}.",
                    indicator.Type switch
                    {
                        IndicatorType.Boolean => "Ghi true hoặc false.",
                        IndicatorType.Date => "Ghi một ngày dạng \"yyyy-MM-dd\".",
                        IndicatorType.Count => "Ghi một số nguyên ≥ 0.",
                        _ => "Ghi một số.",
                    });
            }
            else if (RangeProblem(indicator, value) is { } outside)
            {
                bag.Error(DiagnosticCodes.TestValueRange, valuePath, $"{label}: {outside}.", "Ghi giá trị nằm trong khoảng đã khai báo của chỉ số (`min`–`max`).");
            }
        }
    }
}
