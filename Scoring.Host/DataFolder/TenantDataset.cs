using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Host.DataFolder;

/// <summary>
/// Everything a data folder holds (docs/data.md), typed and checked; what the scoring pipeline reads of it is
/// <see cref="Input"/>.
/// </summary>
internal sealed record TenantDataset(
    string Folder,
    TenantInfo Tenant,
    ImmutableDictionary<string, UnitInfo> Units,
    ImmutableSortedDictionary<int, YearData> Years,
    ImmutableArray<HistoryRecord> History)
{
    /// <summary>The pipeline's neutral input: the same units, successors, groups, typed values and history.</summary>
    public ScoringInput Input => new(
        Tenant.Code,
        Tenant.Movement.Id,
        Units.ToImmutableDictionary(u => u.Key, u => new InputUnit(u.Value.Code, u.Value.Name, KindOf(u.Value), u.Value.ValidTo), StringComparer.Ordinal),
        Units.Where(u => u.Value.Successor is not null).ToImmutableDictionary(u => u.Key, u => u.Value.Successor!, StringComparer.Ordinal),
        Years.ToImmutableSortedDictionary(y => y.Key, y => new InputYear(
            y.Key,
            [.. y.Value.Groups.Select(g => new InputGroup(g.Code, g.Name, GroupKindOf(g), [.. g.Members.Select(m => m.Unit)]))],
            y.Value.Values.ToImmutableDictionary(
                v => v.Key,
                v => v.Value.ToImmutableDictionary(i => i.Key, i => new InputValue(i.Value.Value, i.Value.Source), StringComparer.Ordinal),
                StringComparer.Ordinal))),
        History,
        Folder);

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

    // The reader refuses a dataset with an unknown kind, so these never throw for a dataset it returned.
    private static UnitKind KindOf(UnitInfo unit) =>
        UnitKind.TryParse(unit.Kind, out var kind) ? kind : throw new InvalidOperationException($"Loại đơn vị «{unit.Kind}» của {unit.Code} không hợp lệ.");

    private static GroupKind GroupKindOf(GroupInfo group) =>
        GroupKind.TryParse(group.Kind, out var kind) ? kind : throw new InvalidOperationException($"Loại cụm/khối «{group.Kind}» của {group.Code} không hợp lệ.");
}
