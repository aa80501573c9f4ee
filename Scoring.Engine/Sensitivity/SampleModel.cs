using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation;
using Scoring.Rules.Model;

namespace Scoring.Engine.Sensitivity;

/// <summary>
/// What a sample needs of one prepared request, computed once: each unit's points per per-unit criterion with the
/// rule set's own numbers, and for bands and target criteria the operand (and target) the points came from.
/// </summary>
/// <remarks>
/// Moving a criterion's thresholds by a factor t is exact here: a band row's bounds (or a numeric target) become
/// bound × t, so the row is found again for the unit's value; moving its points by w scales what the method awards
/// and its maximum (band points, check points, points per item, deductions, a formula's result, rank points).
/// </remarks>
internal sealed class SampleModel
{
    private readonly PreparedRequest prepared;
    private readonly decimal[][] basePoints;
    private readonly decimal?[][] values;
    private readonly decimal?[][] targets;

    public SampleModel(PreparedRequest prepared)
    {
        this.prepared = prepared;
        var compiled = prepared.Compiled;
        var units = prepared.Units;
        var criteria = compiled.Criteria;
        basePoints = new decimal[units.Length][];
        values = new decimal?[units.Length][];
        targets = new decimal?[units.Length][];
        for (var u = 0; u < units.Length; u++)
        {
            basePoints[u] = new decimal[criteria.Length];
            values[u] = new decimal?[criteria.Length];
            targets[u] = new decimal?[criteria.Length];
            foreach (var criterion in criteria.Where(c => !c.NeedsGroup))
            {
                basePoints[u][criterion.Index] = units[u].PointsOf(criterion.Index);
                if (criterion.Criterion.Method is BandsMethod or TargetMethod)
                {
                    var (_, explanation) = Explainer.Explain(compiled, criterion, units[u].Row, prepared.Request.Year);
                    if (explanation.Outcome is not ("missing" or "error") && explanation.Value is { } value)
                    {
                        values[u][criterion.Index] = value;
                        targets[u][criterion.Index] = explanation.Target;
                    }
                }
            }
        }
    }

    public PreparedRequest Prepared => prepared;

    /// <summary>The sample's points for factors by criterion index: <paramref name="points"/> w and <paramref name="thresholds"/> t.</summary>
    public Perturbation Perturb(decimal[] points, decimal[] thresholds)
    {
        var compiled = prepared.Compiled;
        var rules = compiled.RuleSet;
        var criteria = compiled.Criteria;
        var precision = rules.Precision;
        var unitPoints = new decimal[basePoints.Length][];
        for (var u = 0; u < basePoints.Length; u++)
        {
            var row = new decimal[criteria.Length];
            foreach (var criterion in criteria)
            {
                if (criterion.NeedsGroup)
                {
                    continue;
                }
                var c = criterion.Index;
                var w = points[c];
                var raw = (criterion.Criterion.Method, values[u][c]) switch
                {
                    (BandsMethod bands, { } value) => BandPoints(bands, value, thresholds[c]) * w,
                    (TargetMethod target, { } value) => TargetShare(target, value, targets[u][c], thresholds[c]) * criterion.Criterion.MaxPoints * w,
                    _ => basePoints[u][c] * w,
                };
                row[c] = Text.Vn.Normalize(Math.Clamp(Math.Round(raw, precision, MidpointRounding.AwayFromZero), 0m, criterion.Criterion.MaxPoints * w));
            }
            unitPoints[u] = row;
        }
        var sectionMax = new decimal[rules.Sections.Length];
        var shift = 0m;
        for (var s = 0; s < sectionMax.Length; s++)
        {
            var moved = criteria.Where(c => c.SectionIndex == s).Sum(c => c.Criterion.MaxPoints * (points[c.Index] - 1m));
            sectionMax[s] = rules.Sections[s].MaxPoints + moved;
            shift += moved;
        }
        return new Perturbation(unitPoints, points, sectionMax, shift, precision);
    }

    private static decimal BandPoints(BandsMethod bands, decimal value, decimal t)
    {
        foreach (var row in bands.Rows)
        {
            if ((row.AtLeast is not { } a || value >= a * t) && (row.Above is not { } b || value > b * t) &&
                (row.AtMost is not { } c || value <= c * t) && (row.Below is not { } d || value < d * t))
            {
                return row.Points;
            }
        }
        return 0m;
    }

    // As the engine: a target of 0 or less scores 0; higher is better: clamp(value / target, 0, 1);
    // lower is better: value ≤ 0 → 1, else min(target / value, 1).
    private static decimal TargetShare(TargetMethod method, decimal value, decimal? target, decimal t)
    {
        if (target is not { } goal || goal * t <= 0m)
        {
            return 0m;
        }
        var moved = goal * t;
        return method.LowerIsBetter
            ? (value <= 0m ? 1m : Math.Min(moved / value, 1m))
            : Math.Clamp(value / moved, 0m, 1m);
    }
}
