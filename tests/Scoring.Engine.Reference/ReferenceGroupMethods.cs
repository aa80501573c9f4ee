using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>The group pass: methods whose points depend on the other members of the group (relative, rank).</summary>
internal static class ReferenceGroupMethods
{
    /// <param name="groupNoun">"cụm" or "khối", for the reasons.</param>
    /// <param name="dissolved">Per row, whether the unit was dissolved. Issue 13 changed the frozen reference on purpose:
    /// it, like the engine, let a dissolved unit be the leader of a relative criterion.</param>
    public static CriterionScore[] Evaluate(ReferenceScoreFactory f, IReadOnlyList<ValueRow> rows, IReadOnlyList<bool> dissolved, string groupNoun = "cụm") => f.Criterion.Method switch
    {
        RelativeMethod => Relative(f, rows, dissolved, groupNoun),
        RankMethod m => Rank(f, m, rows, dissolved, groupNoun),
        _ => throw new InvalidOperationException($"Method '{f.Criterion.Method.Name}' is not a group method."),
    };

    /// <summary>A member's operand values, or the finished score when it is missing or failed.</summary>
    private readonly record struct Operand(decimal Value, decimal? Target, CriterionScore? Done);

    private static Operand[] Operands(ReferenceScoreFactory f, IReadOnlyList<ValueRow> rows)
    {
        var c = f.Compiled;
        var operands = new Operand[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var used = f.Used(row, c.Value, c.Target);
            var missing = c.Value!.FirstMissing(row);
            if (missing >= 0)
            {
                operands[i] = new Operand(0m, null, f.Missing(used, missing));
                continue;
            }
            try
            {
                var value = c.Value.EvaluateNumber(row);
                decimal? target = c.Target is not null && c.Target.FirstMissing(row) < 0 ? c.Target.EvaluateNumber(row) : null;
                operands[i] = new Operand(value, target, null);
            }
            catch (Exception ex) when (ReferenceScoreFactory.IsEvaluationFailure(ex))
            {
                operands[i] = new Operand(0m, null, f.Error(used, ex));
            }
        }
        return operands;
    }

    private static CriterionScore[] Relative(ReferenceScoreFactory f, IReadOnlyList<ValueRow> rows, IReadOnlyList<bool> dissolved, string groupNoun)
    {
        var c = f.Compiled;
        var operands = Operands(f, rows);
        var scores = new CriterionScore[rows.Count];
        var label = f.Label(c.Value!);
        var half = f.Max / 2m;

        // Units with a positive target are "assigned"; the others (or all, without a target operand) are scored pro rata.
        bool Assigned(Operand o) => c.Target is not null && o.Target is > 0m;
        // A dissolved unit never sets the benchmark; at or beyond it, it takes the full points without leading.
        var standing = operands.Where((o, i) => o.Done is null && !dissolved[i]).ToList();
        var proRata = standing.Where(o => !Assigned(o)).Select(o => o.Value).DefaultIfEmpty(0m).Max();
        var overRatios = standing.Where(o => Assigned(o) && o.Value / o.Target!.Value > 1m).Select(o => o.Value / o.Target!.Value).ToList();
        decimal? leader = overRatios.Count > 0 ? overRatios.Max() : null;

        for (var i = 0; i < rows.Count; i++)
        {
            var o = operands[i];
            if (o.Done is { } done)
            {
                scores[i] = done;
                continue;
            }
            var used = f.Used(rows[i], c.Value, c.Target);
            if (!Assigned(o))
            {
                var name = c.Target is null ? "groupBest" : "noTargetBest";
                var values = used.Add(new UsedValue(name, ReferenceVn.Invariant(proRata)));
                var prefix = c.Target is null ? "" : "Chưa được giao chỉ tiêu; ";
                var among = c.Target is null ? $"cao nhất {groupNoun}" : "cao nhất trong các đơn vị chưa được giao chỉ tiêu";
                var outcome = c.Target is null ? "relative" : "relative:no-target";
                if (dissolved[i] && o.Value > 0m && o.Value >= proRata)
                {
                    scores[i] = f.Score(f.Points(f.Max), values, "relative:dissolved-top",
                        $"{label} = {ReferenceVn.Number(o.Value)}, không thấp hơn mức cao nhất {groupNoun} {ReferenceVn.Number(proRata)}: đủ số điểm (đơn vị đã giải thể không được tính là đơn vị dẫn đầu)");
                    continue;
                }
                if (proRata <= 0m)
                {
                    scores[i] = f.Score(0m, values, outcome, $"{prefix}{label} = {ReferenceVn.Number(o.Value)}, {among} = {ReferenceVn.Number(proRata)} (không có giá trị dương)");
                    continue;
                }
                var isBest = o.Value == proRata;
                scores[i] = f.Score(f.Points(f.Max * Math.Max(o.Value, 0m) / proRata), values, c.Target is null && isBest ? "relative:leader" : outcome,
                    isBest ? $"{prefix}{label} = {ReferenceVn.Number(o.Value)}, cao nhất {(c.Target is null ? groupNoun : "trong các đơn vị chưa được giao chỉ tiêu")}"
                           : $"{prefix}{label} = {ReferenceVn.Number(o.Value)} so với {among} {ReferenceVn.Number(proRata)}");
                continue;
            }

            var target = o.Target!.Value;
            var ratio = o.Value / target;
            var withLeader = used.Add(new UsedValue("ratio", ReferenceVn.Invariant(Math.Round(ratio, 6, MidpointRounding.AwayFromZero))))
                .Add(new UsedValue("leaderRatio", leader is { } l ? ReferenceVn.Invariant(Math.Round(l, 6, MidpointRounding.AwayFromZero)) : null));
            var head = $"{label} = {ReferenceVn.Number(o.Value)} so với chỉ tiêu {ReferenceVn.Number(target)} (đạt {ReferenceVn.Percent(ratio)})";
            if (ratio < 1m)
            {
                scores[i] = f.Score(f.Points(half * Math.Max(ratio, 0m)), withLeader, "relative:below", $"{head}, chưa đạt chỉ tiêu: một nửa số điểm theo tỷ lệ");
            }
            else if (ratio == 1m)
            {
                scores[i] = f.Score(f.Points(half), withLeader, "relative:at", $"{head}, đạt đúng chỉ tiêu: một nửa số điểm");
            }
            else if (dissolved[i] && (leader is null || ratio >= leader))
            {
                scores[i] = f.Score(f.Points(f.Max), withLeader, "relative:dissolved-top",
                    $"{head}, vượt chỉ tiêu, không thấp hơn đơn vị dẫn đầu {groupNoun}: đủ số điểm (đơn vị đã giải thể không được tính là đơn vị dẫn đầu)");
            }
            else if (ratio == leader)
            {
                scores[i] = f.Score(f.Points(f.Max), withLeader, "relative:leader", $"{head}, vượt chỉ tiêu và dẫn đầu {groupNoun}");
            }
            else
            {
                // leader > ratio > 1 here, so leader − 1 > 0.
                var points = half + (half * (ratio - 1m) / (leader!.Value - 1m));
                scores[i] = f.Score(f.Points(points), withLeader, "relative:above",
                    $"{head}, vượt chỉ tiêu; đơn vị dẫn đầu {groupNoun} đạt {ReferenceVn.Percent(leader.Value)}");
            }
        }
        return scores;
    }

    // Only units still in existence take positions; a dissolved unit gets the position its value would have among them.
    private static CriterionScore[] Rank(ReferenceScoreFactory f, RankMethod method, IReadOnlyList<ValueRow> rows, IReadOnlyList<bool> dissolved, string groupNoun)
    {
        var c = f.Compiled;
        var operands = Operands(f, rows);
        var scores = new CriterionScore[rows.Count];
        var ranked = operands.Where((o, i) => o.Done is null && !dissolved[i]).Select(o => o.Value).ToList();
        var label = f.Label(c.Value!);
        for (var i = 0; i < rows.Count; i++)
        {
            var o = operands[i];
            if (o.Done is { } done)
            {
                scores[i] = done;
                continue;
            }
            // Standard competition ranking: 1 + the number of strictly better values (1, 2, 2, 4).
            var position = 1 + ranked.Count(v => method.Descending ? v > o.Value : v < o.Value);
            var tied = ranked.Count(v => v == o.Value) > (dissolved[i] ? 0 : 1);
            var raw = position <= method.Points.Length ? method.Points[position - 1] : method.Otherwise;
            var values = f.Used(rows[i], c.Value).Add(new UsedValue("rank", position.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Add(new UsedValue("ranked", ranked.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            scores[i] = f.Score(f.Points(raw), values, $"rank:{position}",
                $"{label} = {ReferenceVn.Number(o.Value)}, xếp thứ {position}/{ranked.Count} trong {groupNoun}{(tied ? " (đồng hạng)" : "")}");
        }
        return scores;
    }
}
