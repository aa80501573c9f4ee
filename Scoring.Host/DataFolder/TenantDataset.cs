using System.Collections.Immutable;
using Scoring.Engine.Model;

namespace Scoring.Host.DataFolder;

/// <summary>Everything a data folder holds (docs/data.md), typed and checked.</summary>
internal sealed record TenantDataset(
    string Folder,
    TenantInfo Tenant,
    ImmutableDictionary<string, UnitInfo> Units,
    ImmutableSortedDictionary<int, YearData> Years,
    ImmutableArray<HistoryRecord> History)
{
    /// <summary>
    /// The unit that finally took over <paramref name="code"/>: follows successors until a unit without one.
    /// The reader has rejected cycles and unknown successors.
    /// </summary>
    public string FinalSuccessor(string code)
    {
        var current = code;
        var seen = new HashSet<string>(StringComparer.Ordinal) { current };
        while (Units.TryGetValue(current, out var unit) && unit.Successor is { } next && seen.Add(next))
        {
            current = next;
        }

        return current;
    }

    /// <summary>
    /// The dataset restricted to units of <paramref name="kinds"/> and the groups holding any of them: comparing one
    /// rule set (diff --data) concerns its own subjects, not every kind of unit of the tenant.
    /// </summary>
    public TenantDataset WithKinds(IReadOnlySet<string> kinds)
    {
        var units = Units.Where(u => kinds.Contains(u.Value.Kind)).ToImmutableDictionary(StringComparer.Ordinal);
        var years = Years.ToImmutableSortedDictionary(y => y.Key, y => y.Value with
        {
            Groups = [.. y.Value.Groups
                .Select(g => g with { Members = [.. g.Members.Where(m => units.ContainsKey(m.Unit))] })
                .Where(g => g.Members.Length > 0)],
        });
        return this with { Units = units, Years = years };
    }
}
