using System.Collections.Immutable;

namespace Scoring.Host.Pipeline;

/// <summary>Units whose rank or award differs between two runs over the same data (old and new rule sets).</summary>
internal static class RankImpact
{
    public static ImmutableArray<RankChange> Compare(PipelineRun before, PipelineRun after)
    {
        var old = before.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var now = after.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var oldTies = TiesAtCut(before);
        var newTies = TiesAtCut(after);
        var changes = ImmutableArray.CreateBuilder<RankChange>();
        foreach (var code in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var hadOld = old.TryGetValue(code, out var o);
            var hasNew = now.TryGetValue(code, out var n);
            var unit = hasNew ? n.Unit : o.Unit;
            var change = new RankChange(
                code,
                unit.Name,
                unit.Group,
                hadOld ? o.Unit.Rank : null,
                hadOld && o.Unit.Tied,
                hasNew ? n.Unit.Rank : null,
                hasNew && n.Unit.Tied,
                hadOld ? o.Unit.Total : null,
                hasNew ? n.Unit.Total : null,
                hadOld ? o.Unit.Grade : null,
                hasNew ? n.Unit.Grade : null,
                hadOld ? o.Unit.Award : null,
                hasNew ? n.Unit.Award : null,
                oldTies.Contains(code),
                newTies.Contains(code));
            if (change.RankChanged || change.AwardChanged)
            {
                changes.Add(change);
            }
        }

        return [.. changes.OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.NewRank ?? int.MaxValue).ThenBy(c => c.UnitCode, StringComparer.Ordinal)];
    }

    /// <summary>Units whose award proposal ties at the quota's cut (a unit gets at most one proposal).</summary>
    private static HashSet<string> TiesAtCut(PipelineRun run) =>
        run.Runs.SelectMany(r => r.Result.Awards).Where(a => a.TieAtCut).Select(a => a.UnitCode).ToHashSet(StringComparer.Ordinal);
}
