using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;

namespace Scoring.Rules.Loading;

internal sealed partial class RuleSetReader
{
    private Phase ReadPhase(JObject o)
    {
        var id = GetString(o, "id", true, "một giai đoạn") ?? string.Empty;
        var what = id.Length > 0 ? $"giai đoạn `{id}`" : "một giai đoạn";
        CheckKeys(o, RuleSetKeys.Phase, what);
        var years = new YearRange(0, 0);
        if (GetObject(o, "years", true, what) is { } y)
        {
            var yearsWhat = $"`years` của {what}";
            CheckKeys(y, RuleSetKeys.Years, yearsWhat);
            var from = GetInt(y, "from", true, yearsWhat);
            var to = GetInt(y, "to", true, yearsWhat);
            years = new YearRange(from ?? 0, to ?? from ?? 0);
        }
        return new Phase(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            years,
            GetObjects(o, "measures", true, what).Select(ReadPhaseMeasure).ToImmutableArray(),
            GetStrings(o, "rankBy", what),
            GetString(o, "gradeBy", false, what),
            GetInt(o, "minYears", false, what) ?? 1,
            GetObjects(o, "awards", false, what).Select(ReadAward).ToImmutableArray(),
            PathOf(o));
    }

    private PhaseMeasure ReadPhaseMeasure(JObject o)
    {
        var path = PathOf(o);
        var id = GetString(o, "id", true, "một chỉ tiêu sơ kết") ?? string.Empty;
        var what = id.Length > 0 ? $"chỉ tiêu sơ kết `{id}`" : "một chỉ tiêu sơ kết";
        CheckKeys(o, RuleSetKeys.PhaseMeasure, what);
        if (id.Length > 0 && !IdentifierPattern.IsMatch(id))
        {
            MarkBroken(path + ".id");
            bag.Error(Validation.DiagnosticCodes.InvalidFormat, path + ".id",
                $"Mã chỉ tiêu sơ kết \"{id}\" không dùng được trong biểu thức: mã phải bắt đầu bằng một chữ cái và chỉ gồm chữ cái không dấu, chữ số và '_'.",
                "Đổi tên theo kiểu camelCase, ví dụ \"meanTotal\".");
        }
        var methodName = GetEnum(o, "method", ["meanTotal", "yearsAtGrade", "sum"], true, what);
        if (methodName is null)
        {
            MarkBroken(path + ".method");
        }
        var method = methodName switch
        {
            "yearsAtGrade" => PhaseMeasureMethod.YearsAtGrade,
            "sum" => PhaseMeasureMethod.Sum,
            _ => PhaseMeasureMethod.MeanTotal,
        };
        return new PhaseMeasure(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            method,
            GetString(o, "grade", methodName == "yearsAtGrade", what),
            GetString(o, "indicator", methodName == "sum", what),
            path);
    }
}
