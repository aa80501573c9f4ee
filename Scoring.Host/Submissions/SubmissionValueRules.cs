using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Values;

namespace Scoring.Host.Submissions;

/// <summary>
/// The one place where the values of a submission are checked before they are stored, for the API and the unit's pages
/// alike: the values as sent (<see cref="CheckSentAsync"/>) and the values a revision would store
/// (<see cref="CheckStored"/>). A rule about what a unit may store belongs here; each check answers with every problem
/// it finds, and nothing is written on a refusal.
/// </summary>
internal sealed class SubmissionValueRules(ScoringDbContext db, PublishedRuleSets ruleSets)
{
    /// <summary>At most this many values in one PUT or PATCH: a rule set declares a few dozen indicators.</summary>
    public const int MaxValues = 300;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Checks the values sent for a unit: their shape (400), that the unit exists (404), then against the indicators of the
    /// rule sets that apply to the unit's kind and the year (422, the shared <see cref="IndicatorValues"/> check listing EVERY
    /// offending indicator with its title, the value and what is allowed). <paramref name="merge"/>: a PATCH, where a null
    /// value removes an indicator. Null when the values can be stored.
    /// </summary>
    public async Task<SubmissionRefusal?> CheckSentAsync(string tenant, int year, string unit, Dictionary<string, string?>? sent, bool merge, CancellationToken ct)
    {
        if (CheckShape(sent, merge) is { } invalid)
        {
            return new SubmissionRefusal(StatusCodes.Status400BadRequest, invalid);
        }

        var unitKind = await db.Units.Where(u => u.TenantCode == tenant && u.Code == unit).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (unitKind is null)
        {
            return new SubmissionRefusal(StatusCodes.Status404NotFound, $"Không có đơn vị '{unit}' trong '{tenant}'.");
        }

        return await CheckAgainstRuleSetsAsync(tenant, year, unit, unitKind, sent!, merge, ct);
    }

    /// <summary>The values a revision would store, once merged with the current ones: a submission never becomes empty.</summary>
    public static SubmissionRefusal? CheckStored(IReadOnlyDictionary<string, string> values, string unit, int year) =>
        values.Count > 0
            ? null
            : new SubmissionRefusal(StatusCodes.Status422UnprocessableEntity, $"Hồ sơ của '{unit}' năm {year} sẽ không còn giá trị nào; không lưu. "
                + "Hãy gửi ít nhất một chỉ số (PATCH với null chỉ xoá từng chỉ số, không xoá hết hồ sơ).");

    private static string? CheckShape(Dictionary<string, string?>? values, bool allowRemoval)
    {
        if (values is null)
        {
            return "Thiếu 'values' (chỉ tiêu → giá trị).";
        }

        foreach (var (indicator, value) in values)
        {
            if (string.IsNullOrWhiteSpace(indicator))
            {
                return "Tên chỉ tiêu không được để trống.";
            }

            if (value is null && !allowRemoval)
            {
                return $"Chỉ tiêu '{indicator}' không có giá trị: ghi giá trị, hoặc bỏ chỉ tiêu khỏi hồ sơ (PUT thay toàn bộ giá trị; PATCH với null xóa một chỉ tiêu).";
            }
        }

        return null;
    }

    private async Task<SubmissionRefusal?> CheckAgainstRuleSetsAsync(string tenant, int year, string unit, string unitKind,
        Dictionary<string, string?> sent, bool merge, CancellationToken ct)
    {
        if (sent.Count > MaxValues)
        {
            return Unprocessable($"Gửi {sent.Count.ToString("N0", Vietnamese)} giá trị trong một lần, vượt giới hạn {MaxValues} giá trị của một hồ sơ; không lưu. "
                + "Một bộ tiêu chí chỉ có vài chục chỉ số: hãy chỉ gửi các chỉ số của bộ tiêu chí.",
                new Dictionary<string, object?> { ["limit"] = MaxValues, ["count"] = sent.Count });
        }

        if (!merge && sent.Count == 0)
        {
            return Unprocessable($"Hồ sơ của '{unit}' năm {year} không có giá trị nào (`values` rỗng); không lưu. Hãy gửi các chỉ số đã có số liệu, ví dụ {{\"values\": {{\"staffTrained\": \"12\"}}}}.");
        }

        var (declared, applying) = await ApplicableIndicators.ForAsync(db, ruleSets, tenant, year, unitKind, ct);
        if (applying.Count == 0)
        {
            return Unprocessable($"Chưa có bộ tiêu chí nào đã công bố áp dụng cho đơn vị loại «{unitKind}» của '{tenant}' năm {year}, "
                + "nên chưa kiểm tra được giá trị; không lưu. Hãy chờ Sở KH&CN công bố bộ tiêu chí rồi gửi lại.");
        }

        var (_, errors) = IndicatorValues.Check(sent.Where(v => v.Value is not null), declared);
        if (errors.IsEmpty)
        {
            return null;
        }

        // The declared indicators are named once, at the end, however many unknown ones were sent.
        var extensions = new Dictionary<string, object?>
        {
            ["values"] = errors.Select(e => new { indicator = e.Indicator, title = e.Title, value = e.Value, problem = e.Problem, allowed = e.Undeclared ? null : e.Allowed }).ToList(),
        };
        var declaredList = string.Empty;
        if (errors.Any(e => e.Undeclared))
        {
            var ids = declared.Keys.Order(StringComparer.Ordinal).ToList();
            extensions["declared"] = ids;
            declaredList = $" Các chỉ số được khai báo ({ids.Count}): {string.Join(", ", ids)}; tên và khoảng giá trị của từng chỉ số ở GET /api/rule-sets/{{mã}}/{{phiên bản}}.";
        }

        return Unprocessable(
            $"{errors.Length} giá trị không hợp lệ theo bộ tiêu chí {string.Join(", ", applying)}; chưa lưu giá trị nào. Hãy sửa rồi gửi lại: "
            + string.Join(" | ", errors.Select(e => e.ToString())) + "." + declaredList,
            extensions);
    }

    private static SubmissionRefusal Unprocessable(string detail, IDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status422UnprocessableEntity, detail, extensions);
}
