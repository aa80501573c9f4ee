using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Loading;

// Typed access to JSON properties: each getter reports a missing or wrongly typed value and marks its path as broken.
internal sealed partial class RuleSetReader
{
    private static string PathOf(JToken token) => JsonSourceMap.ToJsonPath(token.Path);

    private static string PathOf(JObject o, string name) => PathOf(o) + "." + name;

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"chuỗi \"{Truncate((string)token!)}\"",
        JTokenType.Integer or JTokenType.Float => $"số {token.ToString(Newtonsoft.Json.Formatting.None)}",
        JTokenType.Boolean => $"giá trị {token.ToString(Newtonsoft.Json.Formatting.None)}",
        JTokenType.Null => "null",
        JTokenType.Object => "một đối tượng",
        JTokenType.Array => "một mảng",
        _ => token.Type.ToString(),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..37] + "...";

    private void CheckKeys(JObject o, ImmutableArray<string> allowed, string what, Func<string, string?>? elsewhere = null)
    {
        foreach (var property in o.Properties())
        {
            if (allowed.Contains(property.Name))
            {
                continue;
            }
            var path = PathOf(property.Value);
            if (elsewhere?.Invoke(property.Name) is { } belongsTo)
            {
                bag.ErrorAtName(DiagnosticCodes.PropertyNotForMethod, path, belongsTo,
                    $"Xoá `{property.Name}` hoặc đổi `method`.");
                continue;
            }
            var suggestion = Suggestions.Closest(property.Name, allowed.Where(a => a != "$schema"));
            bag.ErrorAtName(DiagnosticCodes.UnknownProperty, path,
                $"Thuộc tính `{property.Name}` không hợp lệ trong {what}." + (suggestion is null ? string.Empty : Suggestions.Phrase(suggestion)),
                suggestion is null
                    ? $"Xoá thuộc tính này; các thuộc tính được phép: {Suggestions.List(allowed.Where(a => a != "$schema"))}."
                    : $"Đổi tên thành `{suggestion}`.");
        }
    }

    private JToken? Get(JObject o, string name, bool required, string what)
    {
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required)
            {
                MarkBroken(PathOf(o, name));
                bag.Error(DiagnosticCodes.MissingProperty, PathOf(o, name),
                    $"Thiếu thuộc tính bắt buộc `{name}` trong {what}.", $"Thêm \"{name}\": … vào {what}.");
            }
            return null;
        }
        return token;
    }

    private void WrongType(JToken token, string expected)
    {
        var path = PathOf(token);
        MarkBroken(path);
        bag.Error(DiagnosticCodes.WrongType, path, $"Cần {expected} nhưng gặp {Describe(token)}.", $"Ghi {expected} ở đây.");
    }

    private string? GetString(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.String)
        {
            WrongType(token, "một chuỗi");
            return null;
        }
        var value = (string)token!;
        if (required && string.IsNullOrWhiteSpace(value))
        {
            MarkBroken(PathOf(token));
            bag.Error(DiagnosticCodes.MissingProperty, PathOf(token), $"`{name}` của {what} đang để trống.", $"Ghi giá trị cho `{name}`.");
            return null;
        }
        return value;
    }

    private decimal? GetDecimal(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        return token is null ? null : AsDecimal(token);
    }

    private decimal? AsDecimal(JToken token)
    {
        if (token.Type is JTokenType.Integer or JTokenType.Float)
        {
            try
            {
                return token.Value<decimal>();
            }
            catch (Exception e) when (e is OverflowException or InvalidCastException)
            {
                // Newtonsoft keeps integers beyond 64 bits as BigInteger, which does not convert: same message.
                MarkBroken(PathOf(token));
                bag.Error(DiagnosticCodes.OutOfRange, PathOf(token), $"Số {token} quá lớn.", "Ghi một số nhỏ hơn.");
                return null;
            }
        }
        WrongType(token, "một số");
        return null;
    }

    private int? GetInt(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        return token is null ? null : AsInt(token);
    }

    private int? AsInt(JToken token)
    {
        if (AsDecimal(token) is not { } d)
        {
            return null;
        }
        if (d != decimal.Truncate(d) || d < int.MinValue || d > int.MaxValue)
        {
            MarkBroken(PathOf(token));
            bag.Error(DiagnosticCodes.WrongType, PathOf(token), $"Cần một số nguyên nhưng gặp {Describe(token)}.", "Ghi một số nguyên.");
            return null;
        }
        return (int)d;
    }

    private bool? GetBool(JObject o, string name, string what)
    {
        var token = Get(o, name, false, what);
        if (token is null)
        {
            return null;
        }
        if (token.Type != JTokenType.Boolean)
        {
            WrongType(token, "true hoặc false");
            return null;
        }
        return (bool)token;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    private string? GetEnum(JObject o, string name, string[] allowed, bool required, string what)
    {
        var value = GetString(o, name, required, what);
        if (value is null)
        {
            return null;
        }
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            var path = PathOf(o, name);
            MarkBroken(path);
            bag.Error(DiagnosticCodes.InvalidEnumValue, path,
                $"`{name}` có giá trị \"{value}\", không phải giá trị được phép.{Suggestions.DidYouMean(value, allowed)}",
                $"Dùng một trong các giá trị: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
            return null;
        }
        return value;
    }

    /// <summary>An operand: a JSON number (kept as invariant expression text) or an expression string.</summary>
    private string? GetOperand(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        if (token is null)
        {
            return null;
        }
        if (token.Type is JTokenType.Integer or JTokenType.Float)
        {
            return AsDecimal(token) is { } d ? d.ToString(CultureInfo.InvariantCulture) : null;
        }
        if (token.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)token))
        {
            return (string)token!;
        }
        WrongType(token, "một số hoặc một biểu thức (chuỗi)");
        return null;
    }

    /// <summary>
    /// A criterion's <c>target</c>: a number, an expression, or a trajectory of milestones by year
    /// (<c>{"2025": 40, "2027": 60, "2030": 90}</c>) read as the expression <see cref="TrajectoryExpression"/> over <c>year</c>.
    /// </summary>
    private string? GetTarget(JObject o, bool required, string what)
    {
        if (o["target"] is not JObject trajectory)
        {
            return GetOperand(o, "target", required, what);
        }
        var milestones = new SortedDictionary<int, decimal>();
        foreach (var property in trajectory.Properties())
        {
            var path = PathOf(trajectory, property.Name);
            if (property.Name.Length != 4 || !int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                bag.Error(DiagnosticCodes.InvalidFormat, path, $"Lộ trình chỉ tiêu của {what}: \"{property.Name}\" không phải một năm.",
                    "Viết mỗi mốc là \"năm\": chỉ tiêu, ví dụ \"2027\": 60.");
                continue;
            }
            if (AsDecimal(property.Value) is not { } value)
            {
                WrongType(property.Value, "một số");
                continue;
            }
            if (value <= 0m)
            {
                bag.Error(DiagnosticCodes.TargetNotPositive, path, $"Lộ trình chỉ tiêu của {what}: mốc năm {year} bằng {value.ToString(CultureInfo.InvariantCulture)}, chỉ tiêu phải lớn hơn 0.",
                    "Ghi chỉ tiêu dương của năm đó.");
                continue;
            }
            milestones[year] = value;
        }
        if (milestones.Count == 0)
        {
            if (!trajectory.HasValues)
            {
                bag.Error(DiagnosticCodes.InvalidFormat, PathOf(o, "target"), $"Lộ trình chỉ tiêu của {what} không có mốc nào.",
                    "Ghi ít nhất một mốc, ví dụ {\"2025\": 40, \"2030\": 90}.");
            }
            MarkBroken(PathOf(o, "target"));
            return null;
        }
        return TrajectoryExpression(milestones);
    }

    /// <summary>
    /// The expression of a trajectory: the first milestone's value up to its year, the last one's from its year on, and
    /// between two milestones the straight line between them, rounded to 2 decimals (halves away from zero):
    /// {2025: 40, 2027: 60, 2030: 90} gives 50 in 2026, 70 in 2028 and 80 in 2029.
    /// </summary>
    internal static string TrajectoryExpression(IReadOnlyDictionary<int, decimal> milestones)
    {
        static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        var points = milestones.OrderBy(m => m.Key).ToList();
        var text = N(points[^1].Value);
        for (var i = points.Count - 1; i >= 1; i--)
        {
            var (y0, v0) = (points[i - 1].Key, points[i - 1].Value);
            var (y1, v1) = (points[i].Key, points[i].Value);
            var between = v0 == v1 ? N(v0) : $"Round({N(v0)} + ({N(v1)} - {N(v0)}) * (year - {y0}) / {y1 - y0}, 2)";
            text = $"year <= {y0} ? {N(v0)} : year < {y1} ? {between} : {text}";
        }
        return text;
    }

    /// <summary>The objects of an array property; non-objects are reported and skipped.</summary>
    private IEnumerable<JObject> GetObjects(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        if (token is null)
        {
            return [];
        }
        if (token is not JArray array)
        {
            WrongType(token, "một mảng");
            return [];
        }
        var result = new List<JObject>();
        foreach (var item in array)
        {
            if (item is JObject obj)
            {
                result.Add(obj);
            }
            else
            {
                WrongType(item, "một đối tượng");
            }
        }
        return result;
    }

    private JObject? GetObject(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        if (token is null)
        {
            return null;
        }
        if (token is not JObject obj)
        {
            WrongType(token, "một đối tượng");
            return null;
        }
        return obj;
    }

    private JArray? GetArray(JObject o, string name, string what)
    {
        var token = Get(o, name, false, what);
        if (token is null)
        {
            return null;
        }
        if (token is not JArray array)
        {
            WrongType(token, "một mảng");
            return null;
        }
        return array;
    }

    private ImmutableArray<string> GetStrings(JObject o, string name, string what)
    {
        if (GetArray(o, name, what) is not { } array)
        {
            return [];
        }
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String)
            {
                result.Add((string)item!);
            }
            else
            {
                WrongType(item, "một chuỗi");
            }
        }
        return result.ToImmutable();
    }

    private ImmutableArray<int> GetInts(JObject o, string name, string what)
    {
        if (GetArray(o, name, what) is not { } array)
        {
            return [];
        }
        var result = ImmutableArray.CreateBuilder<int>();
        foreach (var item in array)
        {
            if (AsInt(item) is { } i)
            {
                result.Add(i);
            }
        }
        return result.ToImmutable();
    }

    private ImmutableArray<decimal> GetDecimals(JObject o, string name, bool required, string what)
    {
        var token = Get(o, name, required, what);
        if (token is null)
        {
            return [];
        }
        if (token is not JArray array)
        {
            WrongType(token, "một mảng số");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<decimal>();
        foreach (var item in array)
        {
            if (AsDecimal(item) is { } d)
            {
                result.Add(d);
            }
        }
        return result.ToImmutable();
    }
}
