using System.Collections.Immutable;
using System.Globalization;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

/// <summary>The state of one validation run; the checks are split by aspect over partial files.</summary>
internal sealed partial class RuleSetChecker
{
    private readonly RuleSet set;
    private readonly DiagnosticBag bag;
    private readonly ImmutableHashSet<string> broken;
    private readonly ImmutableDictionary<string, IndicatorDefinition> indicators;

    public RuleSetChecker(RuleSet set, DiagnosticBag bag, ImmutableHashSet<string> broken)
    {
        this.set = set;
        this.bag = bag;
        this.broken = broken;
        // The first declaration wins; duplicates are reported separately.
        var builder = ImmutableDictionary.CreateBuilder<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (var indicator in set.Indicators.Where(i => i.Id.Length > 0))
        {
            builder.TryAdd(indicator.Id, indicator);
        }
        indicators = builder.ToImmutable();
    }

    public void Run()
    {
        CheckHeader();
        CheckIndicators();
        CheckSections();
        CheckGrades();
        CheckTieBreakers();
        CheckAwards();
        CheckPhases();
        CheckTests();
        CheckUnusedIndicators();
    }

    private static string F(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the reader could not read the value at <paramref name="path"/> or anything inside it.</summary>
    private bool IsBroken(string path) =>
        broken.Contains(path) || broken.Any(b => b.StartsWith(path + ".", StringComparison.Ordinal) || b.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>Newtonsoft's path for a property: ".name", or "['name']" when the name has characters a path uses.</summary>
    internal static string PropertyPath(string parent, string name) =>
        name.IndexOfAny(['.', ' ', '[', ']', '(', ')', '\'', '"']) >= 0
            ? $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']"
            : $"{parent}.{name}";

    /// <param name="label">What the key is, capitalised (e.g. "Mã chỉ số"); <paramref name="noun"/> names one item (e.g. "chỉ số").</param>
    private void CheckDuplicates<T>(IEnumerable<T> items, Func<T, string> id, Func<T, string> path, string label, string noun, string idProperty = "id")
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (key.Length == 0)
            {
                continue;
            }
            if (seen.TryGetValue(key, out var first))
            {
                bag.Error(DiagnosticCodes.DuplicateId, path(item) + "." + idProperty,
                    $"{label} `{key}` bị trùng: đã được dùng ở {first}.", $"Đặt cho mỗi {noun} một `{idProperty}` khác nhau.");
            }
            else
            {
                seen[key] = path(item);
            }
        }
    }

    private void CheckHeader()
    {
        if (!IsBroken("$.years") && set.Years.From > set.Years.To)
        {
            bag.Error(DiagnosticCodes.YearRange, "$.years",
                $"`years.from` ({set.Years.From}) lớn hơn `years.to` ({set.Years.To}).", "Đổi chỗ hai năm hoặc sửa lại khoảng năm, ví dụ từ 2025 đến 2030.");
        }
        if (!IsBroken("$.unitKinds") && set.UnitKinds.IsEmpty)
        {
            bag.Error(DiagnosticCodes.UnitKindsEmpty, "$.unitKinds", "`unitKinds` đang rỗng: bộ tiêu chí sẽ không áp dụng cho đơn vị nào.",
                "Liệt kê các loại đơn vị được chấm, ví dụ [\"locality\"].");
        }
        if (!IsBroken("$.total") && set.Total.Min > set.Total.Max)
        {
            bag.Error(DiagnosticCodes.TotalLimits, "$.total", $"`total.min` ({F(set.Total.Min)}) lớn hơn `total.max` ({F(set.Total.Max)}).",
                "Sửa để `min` không lớn hơn `max`.");
        }
        else if (!IsBroken("$.total") && !IsBroken("$.sections") && set.Total.Max < set.BasePoints)
        {
            bag.Warning(DiagnosticCodes.TotalLimits, "$.total.max",
                $"`total.max` ({F(set.Total.Max)}) thấp hơn tổng điểm cơ bản ({F(set.BasePoints)}): các đơn vị tốt nhất sẽ bị cắt bớt điểm.",
                "Nâng `total.max` lên ít nhất bằng tổng `maxPoints` của các mục, hoặc bỏ `total.max` để dùng điểm cơ bản cộng mức trần điểm thưởng.");
        }
    }

    private void CheckIndicators()
    {
        CheckDuplicates(set.Indicators, i => i.Id, i => i.Path, "Mã chỉ số", "chỉ số");
        foreach (var indicator in set.Indicators)
        {
            if (indicator.Min is { } min && indicator.Max is { } max && min > max)
            {
                bag.Error(DiagnosticCodes.IndicatorRange, indicator.Path + ".min",
                    $"Chỉ số `{indicator.Id}`: `min` ({F(min)}) lớn hơn `max` ({F(max)}).", "Đổi chỗ `min` và `max`.");
            }
            if (indicator.Default is { } value)
            {
                if (TypeProblem(indicator, value) is { } problem)
                {
                    bag.Error(DiagnosticCodes.IndicatorDefault, indicator.Path + ".default", $"Chỉ số `{indicator.Id}`: giá trị mặc định {problem}.",
                        $"Ghi giá trị mặc định có kiểu {TypeName(indicator.Type)}.");
                }
                else if (RangeProblem(indicator, value) is { } outside)
                {
                    bag.Error(DiagnosticCodes.IndicatorDefault, indicator.Path + ".default", $"Chỉ số `{indicator.Id}`: giá trị mặc định {outside}.",
                        "Ghi giá trị mặc định nằm trong khoảng đã khai báo (`min`–`max`).");
                }
            }
        }
    }

    /// <summary>Why <paramref name="value"/> does not have the indicator's type, or null.</summary>
    private static string? TypeProblem(IndicatorDefinition indicator, IndicatorValue value)
    {
        var numeric = indicator.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count;
        var valueNumeric = value.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count;
        if (numeric != valueNumeric || (!numeric && indicator.Type != value.Type))
        {
            return $"{value} là {ValueName(valueNumeric ? IndicatorType.Number : value.Type)}, nhưng `{indicator.Id}` có kiểu {TypeName(indicator.Type)}";
        }
        if (indicator.Type == IndicatorType.Count && (value.Number != decimal.Truncate(value.Number) || value.Number < 0))
        {
            return $"{value} không phải số đếm (số nguyên ≥ 0)";
        }
        return null;
    }

    /// <summary>Why <paramref name="value"/> is outside the indicator's declared range, or null.</summary>
    private static string? RangeProblem(IndicatorDefinition indicator, IndicatorValue value)
    {
        if (indicator.Min is { } min && value.Number < min)
        {
            return $"{value} nhỏ hơn giá trị tối thiểu {F(min)} của `{indicator.Id}`";
        }
        if (indicator.Max is { } max && value.Number > max)
        {
            return $"{value} lớn hơn giá trị tối đa {F(max)} của `{indicator.Id}`";
        }
        return null;
    }

    /// <summary>An indicator type as the file writes it, with its Vietnamese name: "count" (số đếm).</summary>
    internal static string TypeName(IndicatorType type) => type switch
    {
        IndicatorType.Percent => "\"percent\" (phần trăm)",
        IndicatorType.Count => "\"count\" (số đếm)",
        IndicatorType.Boolean => "\"boolean\" (đúng/sai)",
        IndicatorType.Date => "\"date\" (ngày)",
        _ => "\"number\" (số)",
    };

    /// <summary>What kind of value was written: "một số", "giá trị đúng/sai", "một ngày".</summary>
    private static string ValueName(IndicatorType type) => type switch
    {
        IndicatorType.Boolean => "giá trị đúng/sai",
        IndicatorType.Date => "một ngày",
        _ => "một số",
    };
}
