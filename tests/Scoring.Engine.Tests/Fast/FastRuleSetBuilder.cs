using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Engine.Tests.Fast;

/// <summary>Small rule sets for the fast-path tests: numbers a, b, count c, boolean flag, date d; one section.</summary>
internal sealed class FastRuleSetBuilder
{
    private readonly List<Criterion> _criteria = [];
    private int _precision = 2;

    public static ImmutableArray<IndicatorDefinition> Indicators { get; } =
    [
        new("a", "Chỉ số a", IndicatorType.Number, null, null, IndicatorSource.Imported, false, null, null, "$.indicators[0]"),
        new("b", "Chỉ số b", IndicatorType.Number, null, null, IndicatorSource.Imported, false, null, null, "$.indicators[1]"),
        new("c", "Chỉ số c", IndicatorType.Count, 0, null, IndicatorSource.Imported, false, null, IndicatorValue.FromNumber(0m, IndicatorType.Count), "$.indicators[2]"),
        new("flag", "Cờ", IndicatorType.Boolean, null, null, IndicatorSource.Imported, false, null, null, "$.indicators[3]"),
        new("d", "Ngày nộp", IndicatorType.Date, null, null, IndicatorSource.SelfReported, false, null, IndicatorValue.FromDate(new NodaTime.LocalDate(2025, 1, 1)), "$.indicators[4]"),
    ];

    public FastRuleSetBuilder Precision(int digits)
    {
        _precision = digits;
        return this;
    }

    public FastRuleSetBuilder Add(string id, decimal max, CriterionMethod method)
    {
        _criteria.Add(new Criterion(id, $"Tiêu chí {id}", null, max, method, $"$.sections[0].criteria[{_criteria.Count}]"));
        return this;
    }

    public FastRuleSetBuilder Formula(string id, decimal max, string formula) => Add(id, max, new ExpressionMethod(formula));

    public RuleSet Build() => new(
        1, "test.fast", "1.0.0", "Bộ thử", "test", "dmst-cds-2025-2030", null, new YearRange(2025, 2030), [UnitKind.Locality], _precision,
        Indicators,
        [new Section("I", "Phần I", _criteria.Sum(c => c.MaxPoints), [.. _criteria], "$.sections[0]")],
        new Adjustment(0, [], "$.bonus"), new Adjustment(0, [], "$.penalty"), new TotalLimits(0, 1000),
        [new GradeBand("chung", "Chung", null, null, "$.grades[0]")], [], [], []);
}
