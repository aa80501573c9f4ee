using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Loading;

internal sealed partial class RuleSetReader
{
    private static readonly string[] MethodNames = ["bands", "target", "relative", "rank", "check", "count", "deadline", "expression"];

    private Criterion ReadCriterion(JObject o)
    {
        var path = PathOf(o);
        var id = GetString(o, "id", true, "một tiêu chí") ?? string.Empty;
        var what = id.Length > 0 ? $"tiêu chí `{id}`" : "một tiêu chí";
        var method = GetEnum(o, "method", MethodNames, true, what);
        if (method is null)
        {
            MarkBroken(path + ".method");
            // Without a method only the common properties and those of some method can be judged.
            CheckKeys(o, RuleSetKeys.CriterionAll, what);
        }
        else
        {
            var allowed = RuleSetKeys.CriterionCommon.AddRange(RuleSetKeys.MethodKeys[method]);
            CheckKeys(o, allowed, what, name => BelongsTo(name, method));
        }
        var maxPoints = GetDecimal(o, "maxPoints", true, what);
        return new Criterion(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            GetString(o, "clause", false, what),
            maxPoints ?? 0m,
            ReadMethod(o, method, what),
            path);
    }

    private static string? BelongsTo(string property, string method)
    {
        var owners = RuleSetKeys.MethodKeys.Where(kv => kv.Value.Contains(property)).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        return owners.Count == 0
            ? null
            : $"Thuộc tính `{property}` thuộc phương pháp chấm {string.Join("/", owners.Select(m => $"`{m}`"))}, không thuộc `{method}`.";
    }

    // An unreadable method becomes a constant expression so that the rest of the set can still be checked.
    private CriterionMethod ReadMethod(JObject o, string? method, string what) => method switch
    {
        "bands" => new BandsMethod(GetOperand(o, "value", true, what) ?? "0", GetObjects(o, "bands", true, what).Select(ReadBandRow).ToImmutableArray()),
        "target" => new TargetMethod(GetOperand(o, "value", true, what) ?? "0", GetTarget(o, true, what) ?? "1", GetBool(o, "lowerIsBetter", what) ?? false),
        "relative" => new RelativeMethod(GetOperand(o, "value", true, what) ?? "0", GetTarget(o, false, what)),
        "rank" => new RankMethod(
            GetOperand(o, "value", true, what) ?? "0",
            GetEnum(o, "order", ["desc", "asc"], false, what) != "asc",
            GetDecimals(o, "points", true, what),
            GetDecimal(o, "otherwise", false, what) ?? 0m),
        "check" => new CheckMethod(GetOperand(o, "condition", true, what) ?? "true", GetDecimal(o, "points", false, what)),
        "count" => new CountMethod(GetOperand(o, "value", true, what) ?? "0", GetDecimal(o, "pointsEach", true, what) ?? 1m),
        "deadline" => new DeadlineMethod(
            GetString(o, "date", true, what) ?? string.Empty,
            ReadDue(o, what),
            GetDecimal(o, "deduct", true, what) ?? 0m,
            GetEnum(o, "per", ["day", "week"], false, what) == "week" ? DeductionUnit.Week : DeductionUnit.Day,
            GetDecimal(o, "floor", false, what) ?? 0m),
        "expression" => new ExpressionMethod(GetOperand(o, "formula", true, what) ?? "0"),
        _ => new ExpressionMethod("0"),
    };

    private DueDate ReadDue(JObject o, string what)
    {
        var text = GetString(o, "due", true, what);
        if (text is not null)
        {
            if (text.Length == 5 && AnnualDatePattern.Iso.Parse(text) is { Success: true } annual)
            {
                return new DueDate(null, annual.Value);
            }
            if (text.Length == 10 && LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            {
                return new DueDate(date.Value, null);
            }
            MarkBroken(PathOf(o, "due"));
            bag.Error(DiagnosticCodes.InvalidFormat, PathOf(o, "due"), $"Hạn \"{text}\" không theo dạng \"MM-dd\" hay \"yyyy-MM-dd\".",
                "Ghi \"11-10\" cho ngày 10 tháng 11 của mỗi năm chấm điểm, hoặc một ngày cố định như \"2025-11-10\".");
        }
        return new DueDate(null, new AnnualDate(12, 31));
    }

    private BandRow ReadBandRow(JObject o)
    {
        const string what = "một bậc";
        CheckKeys(o, RuleSetKeys.BandRow, what);
        return new BandRow(
            GetDecimal(o, "atLeast", false, what),
            GetDecimal(o, "above", false, what),
            GetDecimal(o, "atMost", false, what),
            GetDecimal(o, "below", false, what),
            GetDecimal(o, "points", true, what) ?? 0m,
            GetString(o, "label", false, what),
            PathOf(o));
    }

    /// <summary>
    /// A value as written in a default or a test: a number, true/false, or a "yyyy-MM-dd" date. Numbers take the
    /// declared numeric type so that the validator can compare types.
    /// </summary>
    private IndicatorValue? ReadValue(JToken token, IndicatorType declared, string what)
    {
        switch (token.Type)
        {
            case JTokenType.Integer or JTokenType.Float:
                return AsDecimal(token) is { } d
                    ? IndicatorValue.FromNumber(d, declared is IndicatorType.Percent or IndicatorType.Count ? declared : IndicatorType.Number)
                    : null;
            case JTokenType.Boolean:
                return IndicatorValue.FromBoolean((bool)token);
            case JTokenType.String when LocalDatePattern.Iso.Parse((string)token!) is { Success: true } date && ((string)token!).Length == 10:
                return IndicatorValue.FromDate(date.Value);
            default:
                WrongType(token, $"một số, true/false hoặc một ngày \"yyyy-MM-dd\" cho {what}");
                return null;
        }
    }
}
