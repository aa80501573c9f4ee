using Microsoft.EntityFrameworkCore;
using Scoring.Engine.Results;

namespace Scoring.Host.UnitWorkspace;

/// <summary>
/// The "tạm tính" of a unit's points for the values it is entering: its group's inputs as a run would freeze them now
/// (the other members' submitted reports, authorities' imports, history), with this unit's values replaced by the form's
/// (imported values stay the authority's), scored by the engine against the rule set that will score it. Nothing is stored.
/// </summary>
internal static class PointsPreview
{
    public static async Task<(UnitScore? Score, string? Problem)> ComputeAsync(ScoringDbContext db, PublishedRuleSets ruleSets, EngineRunCalculator calculator, string tenant, int year, string unit,
        RuleSetVersion ruleSet, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && g.Year == year && g.Members.Any(m => m.UnitCode == unit))
            .Select(g => g.Code).FirstOrDefaultAsync(ct);
        var movement = YearlyScoringJob.MovementOf(ruleSets.RuleSet(ruleSet).Movement, await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct));
        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year, group is null ? ["\u0000"] : [group], movement, ct);
        var own = inputs.Units.FirstOrDefault(u => u.Code == unit);
        if (own is null)
        {
            // Not in a cluster/bloc this year: scored alone, so criteria that compare within the group compare with itself.
            var entity = await db.Units.AsNoTracking().FirstAsync(u => u.TenantCode == tenant && u.Code == unit, ct);
            own = new RunInputUnit(entity.Code, entity.Name, entity.Kind, false, null, new SortedDictionary<string, string>(StringComparer.Ordinal));
            inputs = inputs with { Groups = [new RunInputGroup("tam-tinh", "Tạm tính", Scoring.Rules.Model.GroupKind.Cluster.Value, [unit])], Units = [own] };
        }

        var merged = new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal);
        foreach (var (indicator, _) in own.Sources ?? [])
        {
            merged[indicator] = own.Values[indicator];
        }

        inputs = inputs with { Units = [.. inputs.Units.Select(u => u.Code == unit ? u with { Values = merged } : u)] };
        try
        {
            var run = calculator.Score(ruleSet, inputs);
            if (!run.Succeeded)
            {
                return (null, string.Join(" ", run.Problems));
            }

            var score = run.Units.Where(x => x.Unit.Code == unit).Select(x => x.Unit).FirstOrDefault();
            return score is null ? (null, "Bộ tiêu chí không chấm đơn vị này.") : (score, null);
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }
    }
}
