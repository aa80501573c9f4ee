using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>The group pass: methods whose points depend on the other members of the group (relative, rank).</summary>
internal static class GroupMethods
{
    /// <param name="groupNoun">"cụm" or "khối", for the explanations.</param>
    /// <param name="dissolved">Per row, whether the unit was dissolved: such a unit is scored but never the benchmark
    /// ("leader") of a relative criterion (issue 13); null when no member is dissolved.</param>
    public static (decimal Points, CriterionExplanation Explanation)[] Evaluate(
        CompiledRuleSet ruleSet, CompiledCriterion c, IReadOnlyList<ValueRow> rows, string groupNoun = "cụm", IReadOnlyList<bool>? dissolved = null) => c.Criterion.Method switch
    {
        RelativeMethod => Relative(ruleSet, c, rows, groupNoun, dissolved),
        RankMethod m => Rank(ruleSet, c, m, rows, groupNoun, dissolved),
        _ => throw new InvalidOperationException($"Method '{c.Criterion.Method.Name}' is not a group method."),
    };

    /// <summary>A member's operand values, or the finished explanation when it is missing or failed.</summary>
    /// <param name="Ratio">Value ÷ target when the target is positive, computed with the operands so that a ratio beyond
    /// decimal's range is that unit's explained error, not a failure of the whole group.</param>
    private readonly record struct Operand(decimal Value, decimal? Target, decimal? Ratio, CriterionExplanation Head, bool Done);

    private static Operand[] Operands(CompiledRuleSet ruleSet, CompiledCriterion c, IReadOnlyList<ValueRow> rows, string groupNoun)
    {
        var operands = new Operand[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var head = Explainer.Head(ruleSet, c, row) with { GroupNoun = groupNoun };
            var missing = c.Value!.FirstMissing(row);
            if (missing >= 0)
            {
                operands[i] = new Operand(0m, null, null, Explainer.Missing(ruleSet, head, missing), true);
                continue;
            }
            try
            {
                var value = c.Value.EvaluateNumber(row);
                decimal? target = c.Target is not null && c.Target.FirstMissing(row) < 0 ? c.Target.EvaluateNumber(row) : null;
                operands[i] = new Operand(value, target, target is > 0m ? value / target.Value : null, head with { Value = value, Target = target }, false);
            }
            catch (Exception ex) when (Explainer.IsEvaluationFailure(ex))
            {
                operands[i] = new Operand(0m, null, null, Explainer.Error(head, ex), true);
            }
        }
        return operands;
    }

    private static (decimal, CriterionExplanation)[] Relative(
        CompiledRuleSet ruleSet, CompiledCriterion c, IReadOnlyList<ValueRow> rows, string groupNoun, IReadOnlyList<bool>? dissolved)
    {
        var operands = Operands(ruleSet, c, rows, groupNoun);
        var scores = new (decimal, CriterionExplanation)[rows.Count];
        var max = c.Criterion.MaxPoints;
        var half = max / 2m;

        // Units with a positive target are "assigned"; the others (or all, without a target operand) are scored pro rata.
        bool Assigned(Operand o) => c.Target is not null && o.Target is > 0m;
        // Only units still in existence set the benchmark; a dissolved unit at or beyond it takes the full points
        // without being the leader (docs/rule-sets.md, "relative").
        bool Dissolved(int i) => dissolved is not null && dissolved[i];
        var benchmarks = operands.Where((o, i) => !o.Done && !Dissolved(i)).ToList();
        var proRata = benchmarks.Where(o => !Assigned(o)).Select(o => o.Value).DefaultIfEmpty(0m).Max();
        var overRatios = benchmarks.Where(o => Assigned(o) && o.Ratio > 1m).Select(o => o.Ratio!.Value).ToList();
        decimal? leader = overRatios.Count > 0 ? overRatios.Max() : null;

        for (var i = 0; i < rows.Count; i++)
        {
            var o = operands[i];
            if (o.Done)
            {
                scores[i] = (0m, o.Head);
                continue;
            }
            if (!Assigned(o))
            {
                var outcome = c.Target is null ? "relative" : "relative:no-target";
                var head = o.Head with { GroupBest = proRata };
                if (Dissolved(i) && o.Value > 0m && o.Value >= proRata)
                {
                    scores[i] = (Explainer.Points(ruleSet, c, max), head with { Outcome = "relative:dissolved-top" });
                    continue;
                }
                if (proRata <= 0m)
                {
                    scores[i] = (0m, head with { Outcome = outcome });
                    continue;
                }
                var isBest = o.Value == proRata;
                scores[i] = (Explainer.Points(ruleSet, c, Share(max, Math.Max(o.Value, 0m), proRata)),
                    head with { Outcome = c.Target is null && isBest ? "relative:leader" : outcome });
                continue;
            }

            var ratio = o.Ratio!.Value;
            var explained = o.Head with { Ratio = ratio, LeaderRatio = leader };
            if (ratio < 1m)
            {
                scores[i] = (Explainer.Points(ruleSet, c, half * Math.Max(ratio, 0m)), explained with { Outcome = "relative:below" });
            }
            else if (ratio == 1m)
            {
                scores[i] = (Explainer.Points(ruleSet, c, half), explained with { Outcome = "relative:at" });
            }
            else if (Dissolved(i) && (leader is null || ratio >= leader))
            {
                scores[i] = (Explainer.Points(ruleSet, c, max), explained with { Outcome = "relative:dissolved-top" });
            }
            else if (ratio == leader)
            {
                scores[i] = (Explainer.Points(ruleSet, c, max), explained with { Outcome = "relative:leader" });
            }
            else
            {
                // leader > ratio > 1 here, so leader − 1 > 0.
                scores[i] = (Explainer.Points(ruleSet, c, half + Share(half, ratio - 1m, leader!.Value - 1m)), explained with { Outcome = "relative:above" });
            }
        }
        return scores;
    }

    /// <summary>
    /// <paramref name="max"/> × <paramref name="part"/> ÷ <paramref name="whole"/> for 0 ≤ part ≤ whole. Multiplying first keeps
    /// every digit; only when the product leaves decimal's range is the division done first, and then the quotient is at
    /// most 1, so the product is at most max.
    /// </summary>
    private static decimal Share(decimal max, decimal part, decimal whole)
    {
        try
        {
            return max * part / whole;
        }
        catch (OverflowException)
        {
            return max * (part / whole);
        }
    }

    /// <summary>
    /// Positions among the units still in existence: a dissolved unit takes the position its value would have among
    /// them but never pushes one of them down (issue 13; docs/rule-sets.md, "rank").
    /// </summary>
    private static (decimal, CriterionExplanation)[] Rank(
        CompiledRuleSet ruleSet, CompiledCriterion c, RankMethod method, IReadOnlyList<ValueRow> rows, string groupNoun, IReadOnlyList<bool>? dissolved)
    {
        var operands = Operands(ruleSet, c, rows, groupNoun);
        var scores = new (decimal, CriterionExplanation)[rows.Count];
        var ranked = operands.Where((o, i) => !o.Done && !(dissolved is not null && dissolved[i])).Select(o => o.Value).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var o = operands[i];
            if (o.Done)
            {
                scores[i] = (0m, o.Head);
                continue;
            }
            // Standard competition ranking: 1 + the number of strictly better values (1, 2, 2, 4).
            var position = 1 + ranked.Count(v => method.Descending ? v > o.Value : v < o.Value);
            var tied = ranked.Count(v => v == o.Value) > (dissolved is not null && dissolved[i] ? 0 : 1);
            var raw = position <= method.Points.Length ? method.Points[position - 1] : method.Otherwise;
            scores[i] = (Explainer.Points(ruleSet, c, raw), o.Head with { Outcome = $"rank:{position}", Rank = position, Ranked = ranked.Count, Tied = tied });
        }
        return scores;
    }
}
