using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Scoring.Host.Apis;
using Scoring.Host.Infrastructure;
using Scoring.Host.Runs;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Diff of two published versions: criteria added, removed or changed (max points, method), and, given a tenant and a
/// year, the rank impact: both versions scored on that year's current data, units whose rank or total moves.
/// </summary>
internal static class RuleSetDiffer
{
    public static async Task<IResult> DiffAsync(string id, string from, string to, string? tenant, int? year, ScoringDbContext db, IRunCalculator calculator, CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().Where(r => r.RuleSetId == id && (r.Version == from || r.Version == to)).ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Version == from);
        var b = versions.FirstOrDefault(v => v.Version == to);
        if (a is null || b is null)
        {
            return Problems.NotFound($"Không có phiên bản {(a is null ? from : to)} của bộ tiêu chí '{id}'.");
        }

        var changes = CriteriaChanges(JObject.Parse(a.Json), JObject.Parse(b.Json));
        if (tenant is null || year is null)
        {
            return TypedResults.Ok(new { from = a.Version, to = b.Version, fromSha256 = a.Sha256, toSha256 = b.Sha256, criteria = changes, rankImpact = (object?)null });
        }

        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year.Value, [], ct);
        var progress = new Progress<int>();
        try
        {
            var before = await calculator.CalculateAsync(a.Json, inputs, progress, ct);
            var after = await calculator.CalculateAsync(b.Json, inputs, progress, ct);
            var impact = after.Units
                .Join(before.Units, x => x.Unit, y => y.Unit, (x, y) => new { unit = x.Unit, name = x.Name, group = x.Group, rankFrom = y.Rank, rankTo = x.Rank, totalFrom = y.Total, totalTo = x.Total })
                .Where(x => x.rankFrom != x.rankTo || x.totalFrom != x.totalTo)
                .OrderBy(x => x.group, StringComparer.Ordinal).ThenBy(x => x.rankTo).ToList();
            return TypedResults.Ok(new { from = a.Version, to = b.Version, fromSha256 = a.Sha256, toSha256 = b.Sha256, criteria = changes, rankImpact = impact });
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return Problems.Unprocessable($"Không chấm thử được để so sánh thứ hạng: {e.Message}");
        }
    }

    internal static List<object> CriteriaChanges(JObject a, JObject b)
    {
        var before = Criteria(a);
        var after = Criteria(b);
        var changes = new List<object>();
        foreach (var (key, criterion) in before.Where(x => !after.ContainsKey(x.Key)))
        {
            changes.Add(new { change = "removed", criterion = key, maxPointsFrom = criterion.Max, maxPointsTo = (decimal?)null });
        }

        foreach (var (key, criterion) in after)
        {
            if (!before.TryGetValue(key, out var old))
            {
                changes.Add(new { change = "added", criterion = key, maxPointsFrom = (decimal?)null, maxPointsTo = criterion.Max });
            }
            else if (old.Json != criterion.Json)
            {
                changes.Add(new { change = "changed", criterion = key, maxPointsFrom = old.Max, maxPointsTo = criterion.Max });
            }
        }

        return changes;
    }

    private static Dictionary<string, (decimal? Max, string Json)> Criteria(JObject root)
    {
        var result = new Dictionary<string, (decimal?, string)>(StringComparer.Ordinal);
        var containers = (root["sections"] as JArray ?? []).OfType<JObject>().Select(s => s["criteria"])
            .Append(root["bonus"]?["criteria"]).Append(root["penalty"]?["criteria"]);
        foreach (var criterion in containers.OfType<JArray>().SelectMany(c => c).OfType<JObject>())
        {
            var key = criterion["id"]?.ToString() ?? "";
            result[key] = (criterion["maxPoints"]?.Type is JTokenType.Integer or JTokenType.Float ? criterion["maxPoints"]!.Value<decimal>() : null, RuleSetIntake.Canonical(criterion));
        }

        return result;
    }
}
