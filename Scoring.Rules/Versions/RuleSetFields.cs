using System.Globalization;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Versions;

/// <summary>Flattens model elements into ordered field → text pairs, so that two versions can be compared field by field.</summary>
internal static class RuleSetFields
{
    private static string F(decimal d) => CanonicalJson.Number(d);

    private static string F(decimal? d) => d is { } v ? F(v) : "—";

    private static string List<T>(IEnumerable<T> items, Func<T, string> text) => "[" + string.Join(", ", items.Select(text)) + "]";

    public static IEnumerable<(string Field, string Value)> Header(RuleSet set)
    {
        yield return ("title", set.Title);
        yield return ("tenant", set.Tenant);
        yield return ("movement", set.Movement);
        yield return ("source", set.Source ?? "—");
        yield return ("years", $"{set.Years.From}–{set.Years.To}");
        yield return ("unitKinds", List(set.UnitKinds, k => k.Value));
        yield return ("precision", set.Precision.ToString(CultureInfo.InvariantCulture));
        yield return ("bonus.cap", F(set.Bonus.Cap));
        yield return ("penalty.cap", F(set.Penalty.Cap));
        yield return ("total", $"{F(set.Total.Min)}–{F(set.Total.Max)}");
        yield return ("tieBreakers", List(set.TieBreakers, t =>
            $"{t.Kind.ToString().ToLowerInvariant()}{(t.Ref is null ? string.Empty : " " + t.Ref)} {(t.Descending ? "desc" : "asc")}"));
    }

    public static IEnumerable<(string Field, string Value)> Indicator(IndicatorDefinition i)
    {
        yield return ("title", i.Title);
        yield return ("type", i.Type.ToString().ToLowerInvariant());
        yield return ("min", F(i.Min));
        yield return ("max", F(i.Max));
        yield return ("source", i.Source == IndicatorSource.Imported ? "imported" : "self");
        yield return ("evidence", i.EvidenceRequired ? "true" : "false");
        yield return ("unit", i.Unit ?? "—");
        yield return ("default", i.Default?.ToString() ?? "—");
    }

    public static IEnumerable<(string Field, string Value)> Section(Section s)
    {
        yield return ("title", s.Title);
        yield return ("maxPoints", F(s.MaxPoints));
        yield return ("criteria", List(s.Criteria, c => c.Id));
    }

    public static IEnumerable<(string Field, string Value)> Criterion(Criterion c, string part)
    {
        yield return ("part", part);
        yield return ("title", c.Title);
        yield return ("clause", c.Clause ?? "—");
        yield return ("maxPoints", F(c.MaxPoints));
        yield return ("method", c.Method.Name);
        foreach (var field in Method(c.Method))
        {
            yield return field;
        }
    }

    private static IEnumerable<(string Field, string Value)> Method(CriterionMethod method)
    {
        switch (method)
        {
            case BandsMethod bands:
                yield return ("value", bands.Value);
                for (var i = 0; i < bands.Rows.Length; i++)
                {
                    yield return ($"bands[{i}]", Band(bands.Rows[i]));
                }
                break;
            case TargetMethod target:
                yield return ("value", target.Value);
                yield return ("target", target.Target);
                yield return ("lowerIsBetter", target.LowerIsBetter ? "true" : "false");
                break;
            case RelativeMethod relative:
                yield return ("value", relative.Value);
                yield return ("target", relative.Target ?? "—");
                break;
            case RankMethod rank:
                yield return ("value", rank.Value);
                yield return ("order", rank.Descending ? "desc" : "asc");
                yield return ("points", List(rank.Points, F));
                yield return ("otherwise", F(rank.Otherwise));
                break;
            case CheckMethod check:
                yield return ("condition", check.Condition);
                yield return ("points", check.Points is { } p ? F(p) : "maxPoints");
                break;
            case CountMethod count:
                yield return ("value", count.Value);
                yield return ("pointsEach", F(count.PointsEach));
                break;
            case DeadlineMethod deadline:
                yield return ("date", deadline.Date);
                yield return ("due", deadline.Due.Fixed is { } fixedDate
                    ? fixedDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
                    : deadline.Due.Annual!.Value.ToString("MM-dd", CultureInfo.InvariantCulture));
                yield return ("deduct", F(deadline.Deduction));
                yield return ("per", deadline.Per == DeductionUnit.Week ? "week" : "day");
                yield return ("floor", F(deadline.Floor));
                break;
            case ExpressionMethod expression:
                yield return ("formula", expression.Formula);
                break;
        }
    }

    private static string Band(BandRow row)
    {
        var range = row.IsCatchAll ? "*" : BandInterval.Of(row).ToString();
        return $"{range} → {F(row.Points)}{(row.Label is null ? string.Empty : $" ({row.Label})")}";
    }

    public static IEnumerable<(string Field, string Value)> Grade(GradeBand g, int position)
    {
        yield return ("position", (position + 1).ToString(CultureInfo.InvariantCulture));
        yield return ("title", g.Title);
        yield return ("minTotal", F(g.MinTotal));
        yield return ("condition", g.Condition ?? "—");
    }

    public static IEnumerable<(string Field, string Value)> Award(AwardRule a)
    {
        yield return ("title", a.Title);
        yield return ("precedence", a.Precedence.ToString(CultureInfo.InvariantCulture));
        yield return ("years", a.Years.IsEmpty ? "*" : List(a.Years, y => y.ToString(CultureInfo.InvariantCulture)));
        yield return ("minTotal", F(a.MinTotal));
        yield return ("grades", a.Grades.IsEmpty ? "*" : List(a.Grades, g => g));
        yield return ("maxRank", a.MaxRank?.ToString(CultureInfo.InvariantCulture) ?? "—");
        yield return ("eligibility", a.Eligibility ?? "—");
        yield return ("quota.perGroup", a.Quota.PerGroup?.ToString(CultureInfo.InvariantCulture) ?? "—");
        yield return ("quota.perTenant", a.Quota.PerTenant?.ToString(CultureInfo.InvariantCulture) ?? "—");
        yield return ("quota.maxShare", F(a.Quota.MaxShare));
        yield return ("quota.shareOf", a.Quota.ShareOf ?? "—");
        yield return ("withoutHistory", a.WithoutHistory == HistoryPolicy.Exempt ? "exempt" : "barred");
        for (var i = 0; i < a.Prerequisites.Length; i++)
        {
            var p = a.Prerequisites[i];
            var kind = p.Kind switch
            {
                PrerequisiteKind.QualifiesFor => "qualifiesFor",
                PrerequisiteKind.GradeInPreviousYears => "gradeInPreviousYears",
                PrerequisiteKind.YearsAtGrade => "yearsAtGrade",
                _ => "awardInPreviousYears",
            };
            yield return ($"prerequisites[{i}]",
                $"{kind}{(p.Award is null ? string.Empty : " " + p.Award)}{(p.Grades.IsEmpty ? string.Empty : " " + List(p.Grades, g => g))}{(p.Years > 0 ? $" ×{p.Years}" : string.Empty)}");
        }
    }
}
