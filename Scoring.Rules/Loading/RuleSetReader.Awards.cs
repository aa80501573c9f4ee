using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Loading;

internal sealed partial class RuleSetReader
{
    private AwardRule ReadAward(JObject o)
    {
        var id = GetString(o, "id", true, "một hình thức khen thưởng") ?? string.Empty;
        var what = id.Length > 0 ? $"hình thức khen thưởng `{id}`" : "một hình thức khen thưởng";
        CheckKeys(o, RuleSetKeys.Award, what);
        return new AwardRule(
            id,
            GetString(o, "title", true, what) ?? string.Empty,
            GetInt(o, "precedence", true, what) ?? 0,
            GetInts(o, "years", what),
            GetDecimal(o, "minTotal", false, what),
            GetStrings(o, "grades", what),
            GetInt(o, "maxRank", false, what),
            GetOperand(o, "eligibility", false, what),
            ReadQuota(o, what),
            GetObjects(o, "prerequisites", false, what).Select(ReadPrerequisite).ToImmutableArray(),
            PathOf(o),
            ReadAuthority(o, what),
            GetEnum(o, "withoutHistory", ["barred", "exempt"], false, what) == "exempt" ? HistoryPolicy.Exempt : HistoryPolicy.Barred);
    }

    private AwardAuthority? ReadAuthority(JObject award, string awardWhat)
    {
        if (GetObject(award, "authority", false, awardWhat) is not { } o)
        {
            return null;
        }
        var what = $"thẩm quyền khen thưởng của {awardWhat}";
        CheckKeys(o, RuleSetKeys.Authority, what);
        var level = GetEnum(o, "level", [.. AwardAuthority.LevelNames], true, what);
        var tenant = GetString(o, "tenant", false, what);
        if (tenant is not null && !RuleSetIdPattern.IsMatch(tenant))
        {
            bag.Error(DiagnosticCodes.InvalidFormat, PathOf(o, "tenant"), $"Mã tenant \"{tenant}\" của {what} không hợp lệ.",
                "Dùng mã tenant viết thường, chữ số và dấu gạch ngang, ví dụ \"gia-lai\".");
        }
        if (level is null)
        {
            MarkBroken(PathOf(o));
            return null;
        }
        return new AwardAuthority((AwardAuthorityLevel)AwardAuthority.LevelNames.IndexOf(level), tenant);
    }

    private AwardQuota ReadQuota(JObject award, string awardWhat)
    {
        if (GetObject(award, "quota", false, awardWhat) is not { } o)
        {
            return new AwardQuota(null, null, null, null);
        }
        var what = $"chỉ tiêu của {awardWhat}";
        CheckKeys(o, RuleSetKeys.Quota, what);
        return new AwardQuota(
            GetInt(o, "perGroup", false, what),
            GetInt(o, "perTenant", false, what),
            GetDecimal(o, "maxShare", false, what),
            GetString(o, "shareOf", false, what));
    }

    private AwardPrerequisite ReadPrerequisite(JObject o)
    {
        const string what = "một điều kiện tiên quyết";
        CheckKeys(o, RuleSetKeys.Prerequisite, what);
        var kindName = GetEnum(o, "kind", ["qualifiesFor", "gradeInPreviousYears", "awardInPreviousYears", "yearsAtGrade"], true, what);
        var kind = kindName switch
        {
            "gradeInPreviousYears" => PrerequisiteKind.GradeInPreviousYears,
            "awardInPreviousYears" => PrerequisiteKind.AwardInPreviousYears,
            "yearsAtGrade" => PrerequisiteKind.YearsAtGrade,
            _ => PrerequisiteKind.QualifiesFor,
        };
        if (kindName is null)
        {
            MarkBroken(PathOf(o));
        }
        var award = GetString(o, "award", kindName is "qualifiesFor" or "awardInPreviousYears", what);
        var grades = GetStrings(o, "grades", what);
        if (kindName is "gradeInPreviousYears" or "yearsAtGrade" && grades.IsEmpty)
        {
            bag.Error(DiagnosticCodes.AwardPrerequisite, PathOf(o, "grades"), $"Điều kiện tiên quyết loại `{kindName}` cần có `grades`.",
                "Thêm \"grades\": [\"…\"] với các mã xếp loại được tính.");
        }
        var years = GetInt(o, "years", false, what);
        if (years is not null && years < 1)
        {
            bag.Error(DiagnosticCodes.AwardPrerequisite, PathOf(o, "years"), $"`years` bằng {years}; đây là số năm cần xét nên phải từ 1 trở lên.",
                "Ghi 1 cho năm liền trước, 2 cho hai năm liền trước, v.v.");
        }
        return new AwardPrerequisite(kind, award, grades, years ?? (kind == PrerequisiteKind.QualifiesFor ? 0 : 1), PathOf(o));
    }

    private RuleSetTestCase ReadTest(JObject o)
    {
        var name = GetString(o, "name", true, "một ca kiểm thử") ?? string.Empty;
        var what = name.Length > 0 ? $"ca kiểm thử \"{name}\"" : "một ca kiểm thử";
        CheckKeys(o, RuleSetKeys.Test, what);
        var year = GetInt(o, "year", true, what);
        var values = ReadValues(o, true, what);
        var peers = GetObjects(o, "peers", false, what).Select(ReadPeer).ToImmutableArray();
        var expectedCriteria = ImmutableDictionary.Create<string, decimal>(StringComparer.Ordinal);
        decimal? expectedTotal = null;
        string? expectedGrade = null;
        if (GetObject(o, "expect", false, what) is { } expect)
        {
            var expectWhat = $"`expect` của {what}";
            CheckKeys(expect, RuleSetKeys.Expect, expectWhat);
            if (GetObject(expect, "criteria", false, expectWhat) is { } criteria)
            {
                var builder = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
                foreach (var property in criteria.Properties())
                {
                    if (AsDecimal(property.Value) is { } points)
                    {
                        builder[property.Name] = points;
                    }
                }
                expectedCriteria = builder.ToImmutable();
            }
            expectedTotal = GetDecimal(expect, "total", false, expectWhat);
            expectedGrade = GetString(expect, "grade", false, expectWhat);
        }
        return new RuleSetTestCase(name, year ?? 0, values, peers, expectedCriteria, expectedTotal, expectedGrade, PathOf(o));
    }

    private TestPeer ReadPeer(JObject o)
    {
        var code = GetString(o, "code", true, "một đơn vị cùng nhóm") ?? string.Empty;
        var what = code.Length > 0 ? $"đơn vị cùng nhóm `{code}`" : "một đơn vị cùng nhóm";
        CheckKeys(o, RuleSetKeys.Peer, what);
        return new TestPeer(code, ReadValues(o, true, what));
    }

    private ImmutableDictionary<string, IndicatorValue> ReadValues(JObject o, bool required, string what)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
        if (GetObject(o, "values", required, what) is { } values)
        {
            foreach (var property in values.Properties())
            {
                var declared = indicatorTypes.TryGetValue(property.Name, out var t) ? t : IndicatorType.Number;
                if (property.Value.Type == JTokenType.Null)
                {
                    continue; // null means "not submitted", the same as leaving the value out
                }
                if (ReadValue(property.Value, declared, $"`{property.Name}`") is { } value)
                {
                    builder[property.Name] = value;
                }
            }
        }
        return builder.ToImmutable();
    }
}
