using System.Collections.Immutable;
using Scoring.Engine.Model;

namespace Scoring.Host.Data;

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
}
