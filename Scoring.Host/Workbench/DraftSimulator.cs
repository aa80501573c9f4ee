using Scoring.Engine;
using Scoring.Rules.Loading;

namespace Scoring.Host.Workbench;

/// <summary>
/// Scores one year of the tenant's stored data (what a run would freeze now) with two rule sets through the runs' own
/// pipeline, and sets the units side by side. Nothing is stored: no run, no result, no audit entry.
/// </summary>
internal sealed class DraftSimulator(ScoringDbContext db)
{
    public async Task<(IReadOnlyList<SimulationRow> Rows, string? Problem)> CompareAsync(string tenant, int year, RuleSetDocument from, RuleSetDocument to, CancellationToken ct)
    {
        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year, [], to.RuleSet.Movement, ct);
        var pipeline = new ScoringPipeline(d => ScoringEngine.Compile(d.RuleSet, d.Identity));
        PipelineRun before, after;
        try
        {
            before = pipeline.Run([from], RunScoringInput.From(RunInputsFilter.For(inputs, from.RuleSet), from.RuleSet), year, RunScoringInput.ComputedHistory(inputs));
            after = pipeline.Run([to], RunScoringInput.From(RunInputsFilter.For(inputs, to.RuleSet), to.RuleSet), year, RunScoringInput.ComputedHistory(inputs));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return ([], $"Không chấm thử được: {e.Message}");
        }

        if (!before.Succeeded || !after.Succeeded)
        {
            return ([], "Không chấm thử được: " + string.Join(" ", before.Problems.Concat(after.Problems)));
        }

        var old = before.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var now = after.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var awardsFrom = from.RuleSet.Awards.ToDictionary(a => a.Id, a => a.Title, StringComparer.Ordinal);
        var awardsTo = to.RuleSet.Awards.ToDictionary(a => a.Id, a => a.Title, StringComparer.Ordinal);
        var rows = old.Keys.Union(now.Keys).Select(code =>
        {
            var hadOld = old.TryGetValue(code, out var o);
            var hasNew = now.TryGetValue(code, out var n);
            var (group, unit) = hasNew ? (n.Group, n.Unit) : (o.Group, o.Unit);
            return new SimulationRow(group.Code, group.Name, code, unit.Name,
                hadOld ? o.Unit.Rank : null, hadOld && o.Unit.Tied, hasNew ? n.Unit.Rank : null, hasNew && n.Unit.Tied,
                hadOld ? o.Unit.Total : null, hasNew ? n.Unit.Total : null,
                hadOld ? o.Unit.GradeTitle : null, hasNew ? n.Unit.GradeTitle : null,
                hadOld && o.Unit.Award is { } a ? awardsFrom.GetValueOrDefault(a, a) : null,
                hasNew && n.Unit.Award is { } b ? awardsTo.GetValueOrDefault(b, b) : null);
        });
        return (rows.OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.RankTo ?? int.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(), null);
    }
}
