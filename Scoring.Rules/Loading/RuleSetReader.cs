using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;
using Scoring.Rules.Versions;

namespace Scoring.Rules.Loading;

/// <summary>
/// Maps a parsed rule-set JSON object to the model, reporting every shape problem (unknown properties, wrong types,
/// missing fields, bad enum values and formats) instead of stopping at the first. Values that cannot be read get a
/// neutral placeholder and their path is marked broken, so the validator does not pile follow-up errors on them.
/// </summary>
internal sealed partial class RuleSetReader
{
    /// <summary>Names that award eligibility expressions provide; an indicator may not take them.</summary>
    internal static readonly ImmutableArray<string> ReservedNames = ["total", "rank", "groupSize", "basePoints", "bonus", "penalty", "year"];

    private static readonly Regex RuleSetIdPattern = new("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly DiagnosticBag bag;
    private readonly HashSet<string> broken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndicatorType> indicatorTypes = new(StringComparer.Ordinal);

    private RuleSetReader(DiagnosticBag bag) => this.bag = bag;

    /// <summary>Reads <paramref name="root"/>; shape problems go to <paramref name="bag"/>.</summary>
    public static RuleSetReadResult Read(JObject root, DiagnosticBag bag)
    {
        var reader = new RuleSetReader(bag);
        var ruleSet = reader.ReadRoot(root);
        return new RuleSetReadResult(ruleSet, reader.broken.ToImmutableHashSet(StringComparer.Ordinal));
    }

    private void MarkBroken(string path) => broken.Add(path);

    private RuleSet ReadRoot(JObject o)
    {
        const string what = "bộ tiêu chí";
        CheckKeys(o, RuleSetKeys.Root, what);
        var format = GetInt(o, "format", true, what);
        if (format is not null and not 1)
        {
            MarkBroken("$.format");
            bag.Error(DiagnosticCodes.UnsupportedFormat, "$.format", $"Định dạng {format} không được hỗ trợ; phiên bản này chỉ đọc định dạng 1.",
                "Đổi thành \"format\": 1.");
        }
        var id = GetString(o, "id", true, what) ?? string.Empty;
        if (id.Length > 0 && !RuleSetIdPattern.IsMatch(id))
        {
            bag.Error(DiagnosticCodes.InvalidFormat, "$.id", $"Mã bộ tiêu chí \"{id}\" chỉ được gồm chữ thường không dấu, chữ số, '.' và '-'.",
                "Viết theo mẫu \"son-la.xa-phuong\".");
        }
        var version = GetString(o, "version", true, what) ?? string.Empty;
        if (version.Length > 0 && !SemanticVersion.IsValid(version))
        {
            bag.Error(DiagnosticCodes.InvalidFormat, "$.version", $"Phiên bản \"{version}\" không đúng dạng phiên bản ngữ nghĩa (semver).",
                "Viết dạng chính.phụ.sửa-lỗi, ví dụ \"1.0.0\" hoặc \"1.1.0-draft.1\".");
        }
        var years = ReadYears(o);
        var precision = GetInt(o, "precision", false, what);
        if (precision is < 0 or > 6)
        {
            MarkBroken("$.precision");
            bag.Error(DiagnosticCodes.OutOfRange, "$.precision", $"Số chữ số thập phân `precision` = {precision} nằm ngoài khoảng cho phép.",
                "Dùng một số từ 0 đến 6 (mặc định là 2).");
        }
        var indicators = GetObjects(o, "indicators", true, what).Select(ReadIndicator).ToImmutableArray();
        var sections = GetObjects(o, "sections", true, what).Select(ReadSection).ToImmutableArray();
        var bonus = ReadAdjustment(o, "bonus");
        var penalty = ReadAdjustment(o, "penalty");
        var basePoints = sections.Sum(s => s.MaxPoints);
        var total = ReadTotal(o, basePoints + bonus.Cap);
        return new RuleSet(
            format ?? 1,
            id,
            version,
            GetString(o, "title", true, what) ?? string.Empty,
            GetString(o, "tenant", true, what) ?? string.Empty,
            GetString(o, "movement", true, what) ?? string.Empty,
            GetString(o, "source", false, what),
            years,
            ReadUnitKinds(o),
            precision is >= 0 and <= 6 ? precision.Value : 2,
            indicators,
            sections,
            bonus,
            penalty,
            total,
            GetObjects(o, "grades", true, what).Select(ReadGrade).ToImmutableArray(),
            GetObjects(o, "tieBreakers", false, what).Select(ReadTieBreaker).ToImmutableArray(),
            GetObjects(o, "awards", false, what).Select(ReadAward).ToImmutableArray(),
            GetObjects(o, "tests", false, what).Select(ReadTest).ToImmutableArray())
        {
            Phases = GetObjects(o, "phases", false, what).Select(ReadPhase).ToImmutableArray(),
        };
    }

    private YearRange ReadYears(JObject root)
    {
        if (GetObject(root, "years", true, "bộ tiêu chí") is not { } o)
        {
            return new YearRange(0, 0);
        }
        const string what = "`years`";
        CheckKeys(o, RuleSetKeys.Years, what);
        var from = GetInt(o, "from", true, what);
        var to = GetInt(o, "to", true, what);
        return new YearRange(from ?? 0, to ?? from ?? 0);
    }

    /// <summary>The kinds of unit scored: each a <see cref="UnitKind"/>, any other text an error at its own index.</summary>
    private ImmutableArray<UnitKind> ReadUnitKinds(JObject root)
    {
        if (Get(root, "unitKinds", true, "bộ tiêu chí") is null)
        {
            return [];
        }
        if (GetArray(root, "unitKinds", "bộ tiêu chí") is not { } array)
        {
            return [];
        }
        var kinds = ImmutableArray.CreateBuilder<UnitKind>();
        var names = UnitKind.All.Select(k => k.Value).ToArray();
        foreach (var item in array)
        {
            if (item.Type != JTokenType.String)
            {
                WrongType(item, "một chuỗi");
                continue;
            }
            var text = (string)item!;
            if (UnitKind.TryParse(text, out var kind))
            {
                kinds.Add(kind);
                continue;
            }
            MarkBroken("$.unitKinds");
            bag.Error(DiagnosticCodes.InvalidEnumValue, PathOf(item),
                $"`unitKinds` có loại đơn vị \"{text}\", không phải loại được phép.{Suggestions.DidYouMean(text, names)}",
                $"Dùng một trong các loại: {string.Join(", ", names.Select(n => $"\"{n}\""))}.");
        }
        return kinds.ToImmutable();
    }

    private IndicatorDefinition ReadIndicator(JObject o)
    {
        var path = PathOf(o);
        var id = GetString(o, "id", true, "một chỉ số") ?? string.Empty;
        var what = id.Length > 0 ? $"chỉ số `{id}`" : "một chỉ số";
        CheckKeys(o, RuleSetKeys.Indicator, what);
        if (id.Length > 0 && !IdentifierPattern.IsMatch(id))
        {
            MarkBroken(path + ".id");
            bag.Error(DiagnosticCodes.InvalidFormat, path + ".id",
                $"Mã chỉ số \"{id}\" không dùng được trong biểu thức: mã phải bắt đầu bằng một chữ cái và chỉ gồm chữ cái không dấu, chữ số và '_'.",
                "Đổi tên theo kiểu camelCase, ví dụ \"staffTrained\".");
        }
        else if (ReservedNames.Contains(id))
        {
            bag.Error(DiagnosticCodes.InvalidFormat, path + ".id",
                $"Mã chỉ số \"{id}\" là tên dành riêng trong biểu thức (năm chấm điểm, tổng điểm, thứ hạng…).", "Chọn một mã khác.");
        }
        var typeName = GetEnum(o, "type", ["number", "percent", "count", "boolean", "date"], true, what);
        var type = typeName switch
        {
            "percent" => IndicatorType.Percent,
            "count" => IndicatorType.Count,
            "boolean" => IndicatorType.Boolean,
            "date" => IndicatorType.Date,
            _ => IndicatorType.Number,
        };
        if (typeName is null)
        {
            MarkBroken(path + ".type");
        }
        if (id.Length > 0)
        {
            indicatorTypes.TryAdd(id, type);
        }
        var min = GetDecimal(o, "min", false, what);
        var max = GetDecimal(o, "max", false, what);
        if (type is IndicatorType.Boolean or IndicatorType.Date && (min is not null || max is not null))
        {
            bag.Error(DiagnosticCodes.IndicatorRange, path, $"Chỉ số kiểu \"{typeName}\" không được có `min` hoặc `max`.", "Xoá `min` và `max`.");
        }
        if (type == IndicatorType.Percent && min is null && max is null)
        {
            // Percentages are reported on a 0-100 scale.
            (min, max) = (0m, 100m);
        }
        var source = GetEnum(o, "source", ["self", "imported"], false, what);
        return new IndicatorDefinition(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            type,
            min,
            max,
            source == "imported" ? IndicatorSource.Imported : IndicatorSource.SelfReported,
            GetBool(o, "evidence", what) ?? false,
            GetString(o, "unit", false, what),
            o["default"] is { Type: not JTokenType.Null } d && typeName is not null ? ReadValue(d, type, "giá trị mặc định") : null,
            path);
    }

    private Section ReadSection(JObject o)
    {
        var id = GetString(o, "id", true, "một mục") ?? string.Empty;
        var what = id.Length > 0 ? $"mục `{id}`" : "một mục";
        CheckKeys(o, RuleSetKeys.Section, what);
        return new Section(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            GetDecimal(o, "maxPoints", true, what) ?? 0m,
            GetObjects(o, "criteria", true, what).Select(ReadCriterion).ToImmutableArray(),
            PathOf(o));
    }

    private Adjustment ReadAdjustment(JObject root, string name)
    {
        var path = "$." + name;
        if (GetObject(root, name, false, "bộ tiêu chí") is not { } o)
        {
            return Adjustment.None(path);
        }
        var what = name == "bonus" ? "`bonus` (điểm thưởng)" : "`penalty` (điểm trừ)";
        CheckKeys(o, RuleSetKeys.Adjustment, what);
        return new Adjustment(
            GetDecimal(o, "cap", true, what) ?? 0m,
            GetObjects(o, "criteria", true, what).Select(ReadCriterion).ToImmutableArray(),
            path);
    }

    private TotalLimits ReadTotal(JObject root, decimal defaultMax)
    {
        if (GetObject(root, "total", false, "bộ tiêu chí") is not { } o)
        {
            return new TotalLimits(0m, defaultMax);
        }
        CheckKeys(o, RuleSetKeys.Total, "`total`");
        return new TotalLimits(GetDecimal(o, "min", false, "`total`") ?? 0m, GetDecimal(o, "max", false, "`total`") ?? defaultMax);
    }

    private GradeBand ReadGrade(JObject o)
    {
        var id = GetString(o, "id", true, "một mức xếp loại") ?? string.Empty;
        var what = id.Length > 0 ? $"mức xếp loại `{id}`" : "một mức xếp loại";
        CheckKeys(o, RuleSetKeys.Grade, what);
        return new GradeBand(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            GetDecimal(o, "minTotal", false, what),
            GetOperand(o, "condition", false, what),
            PathOf(o));
    }

    private TieBreaker ReadTieBreaker(JObject o)
    {
        const string what = "một quy tắc phân định khi bằng điểm";
        CheckKeys(o, RuleSetKeys.TieBreaker, what);
        var by = GetEnum(o, "by", ["section", "criterion", "indicator", "bonus", "penalty"], true, what);
        var order = GetEnum(o, "order", ["desc", "asc"], false, what);
        var reference = GetString(o, "ref", by is "section" or "criterion" or "indicator", what);
        if (by is "bonus" or "penalty" && reference is not null)
        {
            bag.Error(DiagnosticCodes.TieBreakerRef, PathOf(o, "ref"), $"Quy tắc phân định khi bằng điểm theo \"{by}\" không nhận `ref`.", "Xoá `ref`.");
        }
        var kind = by switch
        {
            "criterion" => TieBreakerKind.Criterion,
            "indicator" => TieBreakerKind.Indicator,
            "bonus" => TieBreakerKind.Bonus,
            "penalty" => TieBreakerKind.Penalty,
            _ => TieBreakerKind.Section,
        };
        if (by is null)
        {
            MarkBroken(PathOf(o));
        }
        return new TieBreaker(kind, reference, order != "asc", PathOf(o));
    }
}
