using System.Collections.Immutable;

namespace Scoring.Rules.Loading;

/// <summary>
/// The property names the reader accepts for each kind of object in format v1. The JSON Schema declares the
/// same names (a test keeps them equal); anything else is reported as an unknown property.
/// </summary>
internal static class RuleSetKeys
{
    public static readonly ImmutableArray<string> Root =
    [
        "$schema", "format", "id", "version", "title", "tenant", "movement", "source", "years", "unitKinds",
        "precision", "indicators", "sections", "bonus", "penalty", "total", "grades", "tieBreakers", "awards", "tests",
        "phases",
    ];

    public static readonly ImmutableArray<string> Phase = ["id", "title", "years", "measures", "rankBy", "gradeBy", "minYears", "awards"];

    public static readonly ImmutableArray<string> PhaseMeasure = ["id", "title", "method", "grade", "indicator"];

    public static readonly ImmutableArray<string> Years = ["from", "to"];

    public static readonly ImmutableArray<string> Indicator =
        ["id", "type", "min", "max", "source", "evidence", "title", "unit", "default"];

    public static readonly ImmutableArray<string> Section = ["id", "title", "maxPoints", "criteria"];

    /// <summary>Properties every criterion may have, whatever its method.</summary>
    public static readonly ImmutableArray<string> CriterionCommon = ["id", "title", "clause", "maxPoints", "method"];

    /// <summary>The method-specific properties, by method name.</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> MethodKeys =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["bands"] = ["value", "bands"],
            ["target"] = ["value", "target", "lowerIsBetter"],
            ["relative"] = ["value", "target"],
            ["rank"] = ["value", "order", "points", "otherwise"],
            ["check"] = ["condition", "points"],
            ["count"] = ["value", "pointsEach"],
            ["deadline"] = ["date", "due", "deduct", "per", "floor"],
            ["expression"] = ["formula"],
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Every property a criterion may have under some method.</summary>
    public static readonly ImmutableArray<string> CriterionAll =
        [.. CriterionCommon.Concat(MethodKeys.Values.SelectMany(k => k)).Distinct(StringComparer.Ordinal)];

    public static readonly ImmutableArray<string> BandRow = ["atLeast", "above", "atMost", "below", "points", "label"];

    public static readonly ImmutableArray<string> Adjustment = ["cap", "criteria"];

    public static readonly ImmutableArray<string> Total = ["min", "max"];

    public static readonly ImmutableArray<string> Grade = ["id", "title", "minTotal", "condition"];

    public static readonly ImmutableArray<string> TieBreaker = ["by", "ref", "order"];

    public static readonly ImmutableArray<string> Award =
    [
        "id", "title", "precedence", "years", "minTotal", "grades", "maxRank", "eligibility", "quota", "prerequisites",
        "authority", "withoutHistory",
    ];

    public static readonly ImmutableArray<string> Authority = ["level", "tenant"];

    public static readonly ImmutableArray<string> Quota = ["perGroup", "perTenant", "maxShare", "shareOf"];

    public static readonly ImmutableArray<string> Prerequisite = ["kind", "award", "grades", "years"];

    public static readonly ImmutableArray<string> Test = ["name", "year", "values", "peers", "expect"];

    public static readonly ImmutableArray<string> Peer = ["code", "values"];

    public static readonly ImmutableArray<string> Expect = ["criteria", "total", "grade"];

    /// <summary>Every object kind with its keys, named as the schema's $defs (criterion: the union over methods).</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> ByDefinition =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["ruleSet"] = Root,
            ["years"] = Years,
            ["indicator"] = Indicator,
            ["section"] = Section,
            ["criterion"] = CriterionAll,
            ["bandRow"] = BandRow,
            ["adjustment"] = Adjustment,
            ["total"] = Total,
            ["grade"] = Grade,
            ["tieBreaker"] = TieBreaker,
            ["award"] = Award,
            ["phase"] = Phase,
            ["phaseMeasure"] = PhaseMeasure,
            ["quota"] = Quota,
            ["authority"] = Authority,
            ["prerequisite"] = Prerequisite,
            ["test"] = Test,
            ["peer"] = Peer,
            ["expect"] = Expect,
        }.ToImmutableDictionary(StringComparer.Ordinal);
}
