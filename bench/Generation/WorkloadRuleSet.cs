using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Scoring.Rules.Model;

namespace Scoring.Bench.Generation;

/// <summary>
/// The 60 workload criteria as a rule set in our format v1 (one section, precision 4, one catch-all grade).
/// band → bands (asc: atLeast, desc: atMost, else: catch-all); linear → target; boolean → check;
/// ratio band → bands over "den > 0 ? num / den : sentinel" (the sentinel falls to the catch-all row, as the
/// workload gives 0 points when den ≤ 0); ratio cap and deadline (days of year) → expression.
/// </summary>
public static class WorkloadRuleSet
{
    public const int Precision = 4;

    public static RuleSet Build(Workload workload)
    {
        var criteria = workload.Criteria.Select((c, i) => Criterion(c, $"$.sections[0].criteria[{i}]")).ToImmutableArray();
        var max = criteria.Sum(c => c.MaxPoints);
        return new RuleSet(
            FormatVersion: 1,
            Id: "bench.workload-60",
            Version: "1.0.0",
            Title: "Bộ tiêu chí đo hiệu năng: 60 tiêu chí trên 39 chỉ số",
            Tenant: "bench",
            Movement: "dmst-cds-2025-2030",
            Source: "bench/workload/criteria.json (khối lượng công việc trung lập để đo hiệu năng)",
            Years: new YearRange(2025, 2030),
            UnitKinds: [UnitKind.Locality],
            Precision: Precision,
            Indicators: [.. workload.Indicators.Select((d, i) => Indicator(d, $"$.indicators[{i}]"))],
            Sections: [new Section("A", "Toàn bộ 60 tiêu chí", max, criteria, "$.sections[0]")],
            Bonus: new Adjustment(0, [], "$.bonus"),
            Penalty: new Adjustment(0, [], "$.penalty"),
            Total: new TotalLimits(0, max),
            Grades: [new GradeBand("chung", "Xếp loại chung", null, null, "$.grades[0]")],
            TieBreakers: [],
            Awards: [],
            Tests: []);
    }

    private static IndicatorDefinition Indicator(WorkloadIndicator d, string path) => d.Type switch
    {
        "boolean" => new(d.Name, $"Chỉ số {d.Name} (có/không)", IndicatorType.Boolean, null, null, IndicatorSource.Imported, false, null, null, path),
        "dayOfYear" => new(d.Name, $"Chỉ số {d.Name} (ngày thứ mấy trong năm)", IndicatorType.Count, 1, 365, IndicatorSource.Imported, false, null, null, path),
        _ when d.IsInteger => new(d.Name, $"Chỉ số {d.Name} (số lượng)", IndicatorType.Count, Dec(d.Min), null, IndicatorSource.Imported, false, null, null, path),
        _ => new(d.Name, $"Chỉ số {d.Name}", IndicatorType.Number, Dec(d.Min), d.FractionOf is null ? Dec(d.Max) : null, IndicatorSource.Imported, false, null, null, path),
    };

    private static Criterion Criterion(JsonElement c, string path)
    {
        var id = c.GetProperty("id").GetString()!;
        var kind = c.GetProperty("kind").GetString()!;
        var mode = c.TryGetProperty("mode", out var m) ? m.GetString() : null;
        return (kind, mode) switch
        {
            ("band", _) => Bands(id, path, c, c.GetProperty("indicator").GetString()!, "theo bậc"),
            ("ratio", "band") => Bands(id, path, c, RatioValue(c), "tỷ lệ theo bậc"),
            ("linear", _) => new(id, Title(id, "theo mức đạt chỉ tiêu", c), null, Dec(c, "maxPoints"),
                new TargetMethod(c.GetProperty("indicator").GetString()!, Dec(c, "target").ToString(CultureInfo.InvariantCulture), false), path),
            ("boolean", _) => new(id, Title(id, "đạt hoặc không đạt", c), null, Dec(c, "points"),
                new CheckMethod(c.GetProperty("indicator").GetString()!, null), path),
            ("ratio", "cap") => new(id, Title(id, "tỷ lệ so với chỉ tiêu", c), null, Dec(c, "maxPoints"),
                new ExpressionMethod(
                    $"{Str(c, "denominator")} > 0 ? Min({Str(c, "numerator")} / {Str(c, "denominator")} / {Literal(Dec(c, "target"))}, 1) * {Literal(Dec(c, "maxPoints"))} : 0"),
                path),
            ("deadline", _) => new(id, Title(id, "đúng hạn", c), null, Dec(c, "points"),
                new ExpressionMethod(
                    $"Max({Literal(Dec(c, "points"))} - Max({Str(c, "indicator")} - {Literal(Dec(c, "deadlineDay"))}, 0) * {Literal(Dec(c, "deductionPerDay"))}, 0)"),
                path),
            _ => throw new InvalidDataException($"Criterion {id}: unknown kind '{kind}'."),
        };
    }

    private static Criterion Bands(string id, string path, JsonElement c, string value, string what)
    {
        var ascending = c.GetProperty("direction").GetString() == "asc";
        var rows = c.GetProperty("bands").EnumerateArray()
            .Select((b, i) => ascending
                ? new BandRow(Dec(b, "threshold"), null, null, null, Dec(b, "points"), null, $"{path}.bands[{i}]")
                : new BandRow(null, null, Dec(b, "threshold"), null, Dec(b, "points"), null, $"{path}.bands[{i}]"))
            .ToList();
        rows.Add(new BandRow(null, null, null, null, Dec(c, "elsePoints"), "Còn lại", $"{path}.bands[{rows.Count}]"));
        return new(id, Title(id, what, c), null, rows.Max(r => r.Points), new BandsMethod(value, [.. rows]), path);
    }

    /// <summary>den > 0 ? num / den : a value no band row reaches (below every asc threshold, above every desc one).</summary>
    private static string RatioValue(JsonElement c)
    {
        var sentinel = c.GetProperty("direction").GetString() == "asc" ? "-1" : "1000000";
        return $"{Str(c, "denominator")} > 0 ? {Str(c, "numerator")} / {Str(c, "denominator")} : {sentinel}";
    }

    private static string Title(string id, string what, JsonElement c) =>
        c.TryGetProperty("indicator", out var i)
            ? $"Tiêu chí {id}: {i.GetString()} ({what})"
            : $"Tiêu chí {id}: {Str(c, "numerator")} / {Str(c, "denominator")} ({what})";

    /// <summary>A C# literal: whole numbers plain, fractions with the m suffix.</summary>
    public static string Literal(decimal d) =>
        d == decimal.Truncate(d) ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static decimal Dec(JsonElement e, string name) => Dec(e.GetProperty(name).GetDouble());

    private static decimal Dec(double d) => decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
