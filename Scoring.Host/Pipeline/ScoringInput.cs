using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>
/// What the scoring pipeline scores, whoever read it: a tenant's units, their successors, each year's groups and typed
/// values (each with where it came from), and the decided outcomes of earlier years. The data-folder reader
/// (<see cref="TenantDataset.Input"/>) and a run's frozen inputs (<see cref="RunScoringInput"/>) both produce it.
/// </summary>
/// <param name="Tenant">The tenant's code: rule sets of this tenant apply.</param>
/// <param name="Movement">The movement scored: rule sets of this movement apply.</param>
/// <param name="Units">The units that may be scored, by code.</param>
/// <param name="Successors">Unit → the unit that took it over (units merged away included), for history.</param>
/// <param name="History">Decided outcomes of earlier years (history.csv, imported rows): they win over computed ones.</param>
/// <param name="Folder">The data folder read, named in messages; null for the service's runs.</param>
internal sealed record ScoringInput(
    string Tenant,
    string Movement,
    ImmutableDictionary<string, InputUnit> Units,
    ImmutableDictionary<string, string> Successors,
    ImmutableSortedDictionary<int, InputYear> Years,
    ImmutableArray<HistoryRecord> History,
    string? Folder)
{
    /// <summary>
    /// The input restricted to units of <paramref name="kinds"/> and the groups holding any of them: comparing one rule
    /// set (diff --data) concerns its own subjects, not every kind of unit of the tenant.
    /// </summary>
    public ScoringInput WithKinds(IReadOnlySet<UnitKind> kinds)
    {
        var units = Units.Where(u => kinds.Contains(u.Value.Kind)).ToImmutableDictionary(StringComparer.Ordinal);
        var years = Years.ToImmutableSortedDictionary(y => y.Key, y => y.Value with
        {
            Groups = [.. y.Value.Groups
                .Select(g => g with { Members = [.. g.Members.Where(units.ContainsKey)] })
                .Where(g => g.Members.Length > 0)],
        });
        return this with { Units = units, Years = years };
    }
}
