using System.Collections.Immutable;
using NodaTime;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Tests;

/// <summary>Small builders for rule sets, units and requests.</summary>
internal static class Builders
{
    public static readonly RuleSetIdentity Identity = new("test.rules", "1.0.0", new string('a', 64));

    public static IndicatorDefinition Indicator(string id, IndicatorType type = IndicatorType.Number, string? title = null, IndicatorValue? @default = null) =>
        new(id, title ?? id, type, null, null, IndicatorSource.SelfReported, false, null, @default, $"$.indicators[{id}]");

    public static Criterion Criterion(string id, decimal max, CriterionMethod method, string? title = null) =>
        new(id, title ?? id, null, max, method, $"$.criteria[{id}]");

    public static Section Section(string id, decimal max, params Criterion[] criteria) =>
        new(id, id, max, [.. criteria], $"$.sections[{id}]");

    public static BandRow Band(decimal points, decimal? atLeast = null, decimal? above = null, decimal? atMost = null, decimal? below = null, string? label = null) =>
        new(atLeast, above, atMost, below, points, label, "$.band");

    public static GradeBand Grade(string id, decimal? minTotal, string? condition = null, string? title = null) =>
        new(id, title ?? id, minTotal, condition, $"$.grades[{id}]");

    public static TieBreaker TieBreak(TieBreakerKind kind, string? reference, bool descending = true) =>
        new(kind, reference, descending, "$.tieBreakers");

    public static AwardRule Award(
        string id, int precedence, AwardQuota? quota = null, decimal? minTotal = null, ImmutableArray<string> grades = default,
        int? maxRank = null, string? eligibility = null, ImmutableArray<AwardPrerequisite> prerequisites = default, ImmutableArray<int> years = default) =>
        new(id, "Khen thưởng " + id, precedence, years.IsDefault ? [] : years, minTotal, grades.IsDefault ? [] : grades, maxRank, eligibility,
            quota ?? new AwardQuota(null, null, null, null), prerequisites.IsDefault ? [] : prerequisites, $"$.awards[{id}]");

    /// <summary>A rule set; defaults: years 2025–2030, kind "locality", precision 2, no bonus/penalty, total [0, 200], catch-all grade.</summary>
    public static RuleSet RuleSet(
        IEnumerable<IndicatorDefinition> indicators,
        IEnumerable<Section> sections,
        Adjustment? bonus = null,
        Adjustment? penalty = null,
        TotalLimits? total = null,
        IEnumerable<GradeBand>? grades = null,
        IEnumerable<TieBreaker>? tieBreakers = null,
        IEnumerable<AwardRule>? awards = null,
        IEnumerable<RuleSetTestCase>? tests = null,
        int precision = 2) =>
        new(1, "test.rules", "1.0.0", "Bộ tiêu chí thử", "test", "movement", null, new YearRange(2025, 2030), [UnitKind.Locality], precision,
            [.. indicators], [.. sections], bonus ?? Adjustment.None("$.bonus"), penalty ?? Adjustment.None("$.penalty"),
            total ?? new TotalLimits(0m, 200m), [.. grades ?? [Grade("all", null)]], [.. tieBreakers ?? []], [.. awards ?? []], [.. tests ?? []]);

    /// <summary>A rule set with a single criterion in a single section (max points = section max).</summary>
    public static CompiledRuleSet Single(CriterionMethod method, decimal max, params IndicatorDefinition[] indicators) =>
        Compile(RuleSet(indicators, [Section("S", max, Criterion("C", max, method, "Tiêu chí thử"))]));

    public static CompiledRuleSet Compile(RuleSet ruleSet) => ScoringEngine.Compile(ruleSet, Identity);

    public static IndicatorValue Value(object value) => value switch
    {
        IndicatorValue v => v,
        bool b => IndicatorValue.FromBoolean(b),
        LocalDate d => IndicatorValue.FromDate(d),
        int i => IndicatorValue.FromNumber(i),
        decimal m => IndicatorValue.FromNumber(m),
        double d => IndicatorValue.FromNumber((decimal)d),
        _ => throw new ArgumentException($"Unsupported value {value}"),
    };

    public static ImmutableDictionary<string, IndicatorValue> Values(params (string Id, object Value)[] values) =>
        values.ToImmutableDictionary(v => v.Id, v => Value(v.Value), StringComparer.Ordinal);

    public static UnitRecord Unit(string code, params (string Id, object Value)[] values) =>
        new(code, "Đơn vị " + code, "locality", false, Values(values));

    public static UnitRecord Dissolved(string code, params (string Id, object Value)[] values) =>
        Unit(code, values) with { Dissolved = true };

    public static GroupRecord Group(string code, params string[] members) => new(code, "Cụm " + code, "cluster", [.. members]);

    public static ScoringRequest Request(CompiledRuleSet ruleSet, IEnumerable<GroupRecord> groups, IEnumerable<UnitRecord> units, IEnumerable<HistoryRecord>? history = null, int year = 2025) =>
        new(ruleSet, year, [.. groups], [.. units], [.. history ?? []]);

    /// <summary>Scores the units as one group "G".</summary>
    public static ScoringResult ScoreGroup(CompiledRuleSet ruleSet, params UnitRecord[] units) =>
        ScoringEngine.Score(Request(ruleSet, [Group("G", [.. units.Select(u => u.Code)])], units));

    public static UnitScore Card(this ScoringResult result, string code) =>
        result.Groups.SelectMany(g => g.Ranking).Single(u => u.Code == code);

    /// <summary>The single criterion "C" of a unit (see <see cref="Single"/>).</summary>
    public static CriterionScore Criterion(this ScoringResult result, string code, string criterion = "C") =>
        result.Card(code).Sections.SelectMany(s => s.Criteria).Concat(result.Card(code).BonusCriteria).Concat(result.Card(code).PenaltyCriteria)
            .Single(c => c.Id == criterion);

    /// <summary>Scores one unit alone in a group and returns its criterion "C".</summary>
    public static CriterionScore ScoreOne(CompiledRuleSet ruleSet, params (string Id, object Value)[] values) =>
        ScoreGroup(ruleSet, Unit("U", values)).Criterion("U");
}
