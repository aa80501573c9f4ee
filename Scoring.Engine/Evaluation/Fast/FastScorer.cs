using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Scores the per-unit criteria of a rule set for many units at once. The fast path computes in double with
/// guards and recomputes exactly (decimal) every cell whose comparison or rounding lands near a boundary, so its
/// points always equal <see cref="ScorePointsExact"/>: exact decimal arithmetic rounded to the rule set's
/// precision, half away from zero. Compile once per rule set; thread-safe.
/// </summary>
internal sealed class FastScorer
{
    private readonly ImmutableArray<IndicatorDefinition> _indicators;
    private readonly ImmutableArray<ExactCriterion> _exact;
    private readonly FastKernel _kernel;
    private readonly int _precision;

    private FastScorer(ImmutableArray<IndicatorDefinition> indicators, IReadOnlyList<CriterionPlan> plans, int precision)
    {
        _indicators = indicators;
        _precision = precision;
        CriterionIds = [.. plans.Select(p => p.Id)];
        _exact = [.. plans.Select(p => new ExactCriterion(p, precision))];
        (_kernel, ExactOnlyCriteria) = FastKernelBuilder.Build(plans, indicators.Length, precision);
    }

    /// <summary>The criteria scored, in rule-set order (group criteria such as relative and rank are not included).</summary>
    public ImmutableArray<string> CriterionIds { get; }

    /// <summary>Criteria the double kernel cannot express, always computed exactly.</summary>
    public int ExactOnlyCriteria { get; }

    /// <summary>
    /// Compile the per-unit criteria of <paramref name="ruleSet"/>. <paramref name="year"/> is needed only for
    /// deadline criteria (their due date is a day of that year).
    /// </summary>
    public static FastScorer Compile(RuleSet ruleSet, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var planner = new CriterionPlanner(ruleSet, year);
        var plans = ruleSet.AllCriteria.Where(CriterionPlanner.IsPerUnit).Select(planner.Plan).ToList();
        return new FastScorer(ruleSet.Indicators, plans, ruleSet.Precision);
    }

    /// <summary>A builder for the input table of this rule set's indicators.</summary>
    public IndicatorTableBuilder CreateTable(int unitCount) => new(_indicators, unitCount);

    /// <summary>An empty points table for <paramref name="unitCount"/> units, to reuse across <see cref="ScorePoints(IndicatorTable, PointsTable)"/> calls.</summary>
    public PointsTable CreatePoints(int unitCount) => new(CriterionIds, unitCount, _precision);

    /// <summary>The points of every unit, fast: double with guards, exact fallback per cell.</summary>
    public PointsTable ScorePoints(IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = CreatePoints(table.UnitCount);
        // A table used once needs its scratch list of flagged cells only during the call: rented, not allocated.
        var flagged = System.Buffers.ArrayPool<int>.Shared.Rent(result.Scaled.Length);
        try
        {
            Score(table, result, flagged);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(flagged);
        }
        return result;
    }

    /// <summary>Score into <paramref name="destination"/> (same unit count), overwriting it; allocates nothing when no fallback is needed.</summary>
    public void ScorePoints(IndicatorTable table, PointsTable destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.UnitCount != table.UnitCount || destination.CriterionIds != CriterionIds)
        {
            throw new ArgumentException("The points table was made for another unit count or rule set.", nameof(destination));
        }
        Score(table, destination, destination.FlaggedBuffer);
    }

    private void Score(IndicatorTable table, PointsTable destination, int[] flagged)
    {
        destination.Reset();
        var listed = _kernel(table.Doubles, destination.Scaled, flagged, table.UnitCount);
        var criteria = _exact.Length;
        var exactUnit = table.ExactUnits.Length == 0 ? null : new HashSet<int>(table.ExactUnits);
        var units = table.ExactUnits.Length;
        var lastUnit = -1;
        var cells = 0;
        var caches = destination.ExactCaches;
        for (var f = 0; f < listed; f++)
        {
            var u = flagged[f] / criteria;
            if (exactUnit is not null && exactUnit.Contains(u))
            {
                continue; // scored in full below
            }
            var c = flagged[f] % criteria;
            destination.SetExact(u, c, EvaluateCached(table, u, c, caches));
            if (u != lastUnit)
            {
                units++; // cells are listed unit by unit
                lastUnit = u;
            }
            cells++;
        }
        foreach (var u in table.ExactUnits)
        {
            for (var c = 0; c < criteria; c++)
            {
                destination.SetExact(u, c, _exact[c].Evaluate(table, u));
                cells++;
            }
        }
        destination.ExactCells = cells;
        destination.ExactUnits = units;
    }

    // A criterion of one or two inputs is a pure function of their values: within one scoring, units with the
    // same inputs (many, in practice: rates with 4 decimals, small counts) reuse the first exact result.
    private decimal EvaluateCached(IndicatorTable table, int unit, int criterion, Dictionary<ExactCacheKey, decimal>?[] caches)
    {
        var exact = _exact[criterion];
        var inputs = exact.Inputs;
        if (inputs.Length is 0 or > 2)
        {
            return exact.Evaluate(table, unit);
        }
        var row = unit * table.IndicatorCount;
        var key = ExactCacheKey.From(table.Decimals[row + inputs[0]], inputs.Length == 2 ? table.Decimals[row + inputs[1]] : 0m);
        var cache = caches[criterion] ??= new(256); // room for the distinct inputs of a typical set without regrowing
        if (!cache.TryGetValue(key, out var points))
        {
            points = exact.Evaluate(table, unit);
            cache[key] = points;
        }
        return points;
    }

    /// <summary>The points of every unit by exact decimal evaluation only (the reference).</summary>
    public PointsTable ScorePointsExact(IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = CreatePoints(table.UnitCount);
        for (var u = 0; u < table.UnitCount; u++)
        {
            for (var c = 0; c < _exact.Length; c++)
            {
                result.SetExact(u, c, _exact[c].Evaluate(table, u));
            }
        }
        result.ExactCells = table.UnitCount * _exact.Length;
        result.ExactUnits = table.UnitCount;
        return result;
    }
}
