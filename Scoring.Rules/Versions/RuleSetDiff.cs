using System.Collections.Immutable;
using System.Text;
using Scoring.Rules.Model;

namespace Scoring.Rules.Versions;

/// <summary>
/// What changed between two versions of a rule set: elements (indicators, sections, criteria, grades, awards)
/// matched by id and compared field by field, plus the header. How ranks and awards move on real data is computed
/// elsewhere, with the engine.
/// </summary>
public sealed record RuleSetDiff(string OldVersion, string NewVersion, ImmutableArray<RuleSetChange> Changes)
{
    public bool IsEmpty => Changes.IsEmpty;

    public IEnumerable<RuleSetChange> CriteriaAdded => Of(RuleSetElement.Criterion, RuleSetChangeKind.Added);

    public IEnumerable<RuleSetChange> CriteriaRemoved => Of(RuleSetElement.Criterion, RuleSetChangeKind.Removed);

    public IEnumerable<RuleSetChange> CriteriaChanged => Of(RuleSetElement.Criterion, RuleSetChangeKind.Changed);

    private IEnumerable<RuleSetChange> Of(RuleSetElement element, RuleSetChangeKind kind) =>
        Changes.Where(c => c.Element == element && c.Kind == kind);

    public static RuleSetDiff Compare(RuleSet oldSet, RuleSet newSet)
    {
        ArgumentNullException.ThrowIfNull(oldSet);
        ArgumentNullException.ThrowIfNull(newSet);
        var changes = new List<RuleSetChange>();
        CompareFields(changes, RuleSetElement.RuleSet, oldSet.Id, RuleSetFields.Header(oldSet), RuleSetFields.Header(newSet));
        CompareElements(changes, RuleSetElement.Indicator, oldSet.Indicators, newSet.Indicators, i => i.Id, RuleSetFields.Indicator,
            i => $"{i.Title} ({i.Type.ToString().ToLowerInvariant()})");
        CompareElements(changes, RuleSetElement.Section, oldSet.Sections, newSet.Sections, s => s.Id, RuleSetFields.Section,
            s => $"{s.Title} ({CanonicalJson.Number(s.MaxPoints)})");
        CompareElements(changes, RuleSetElement.Criterion, CriteriaWithPart(oldSet), CriteriaWithPart(newSet), c => c.Criterion.Id,
            c => RuleSetFields.Criterion(c.Criterion, c.Part),
            c => $"{c.Criterion.Title} ({CanonicalJson.Number(c.Criterion.MaxPoints)}, {c.Criterion.Method.Name}, {c.Part})");
        CompareElements(changes, RuleSetElement.Grade, oldSet.Grades.Select((g, i) => (g, i)).ToList(), newSet.Grades.Select((g, i) => (g, i)).ToList(),
            x => x.g.Id, x => RuleSetFields.Grade(x.g, x.i),
            x => $"{x.g.Title}{(x.g.MinTotal is { } m ? " ≥ " + CanonicalJson.Number(m) : string.Empty)}");
        CompareElements(changes, RuleSetElement.Award, oldSet.Awards, newSet.Awards, a => a.Id, RuleSetFields.Award,
            a => $"{a.Title} (precedence {a.Precedence})");
        return new RuleSetDiff(oldSet.Version, newSet.Version, [.. changes]);
    }

    private static List<(Criterion Criterion, string Part)> CriteriaWithPart(RuleSet set) =>
        [.. set.Sections.SelectMany(s => s.Criteria.Select(c => (c, "section " + s.Id)))
            .Concat(set.Bonus.Criteria.Select(c => (c, "bonus")))
            .Concat(set.Penalty.Criteria.Select(c => (c, "penalty")))];

    private static void CompareElements<T>(
        List<RuleSetChange> changes,
        RuleSetElement element,
        IReadOnlyList<T> oldItems,
        IReadOnlyList<T> newItems,
        Func<T, string> id,
        Func<T, IEnumerable<(string Field, string Value)>> fields,
        Func<T, string> summary)
    {
        var newById = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in newItems)
        {
            newById.TryAdd(id(item), item);
        }
        var oldIds = new HashSet<string>(oldItems.Select(id), StringComparer.Ordinal);
        foreach (var item in oldItems)
        {
            if (newById.TryGetValue(id(item), out var counterpart))
            {
                CompareFields(changes, element, id(item), fields(item), fields(counterpart));
            }
            else
            {
                changes.Add(new RuleSetChange(RuleSetChangeKind.Removed, element, id(item), null, summary(item), null));
            }
        }
        foreach (var item in newItems.Where(i => !oldIds.Contains(id(i))))
        {
            changes.Add(new RuleSetChange(RuleSetChangeKind.Added, element, id(item), null, null, summary(item)));
        }
    }

    private static void CompareFields(
        List<RuleSetChange> changes, RuleSetElement element, string id,
        IEnumerable<(string Field, string Value)> oldFields, IEnumerable<(string Field, string Value)> newFields)
    {
        var oldList = oldFields.ToList();
        var newList = newFields.ToList();
        var newMap = newList.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
        var oldMap = oldList.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
        foreach (var (field, value) in oldList)
        {
            var now = newMap.GetValueOrDefault(field);
            if (now != value)
            {
                changes.Add(new RuleSetChange(RuleSetChangeKind.Changed, element, id, field, value, now));
            }
        }
        foreach (var (field, value) in newList.Where(f => !oldMap.ContainsKey(f.Field)))
        {
            changes.Add(new RuleSetChange(RuleSetChangeKind.Changed, element, id, field, null, value));
        }
    }

    /// <summary>A readable summary, grouped by element, for maintainers and change logs.</summary>
    public string ToText(DiffLanguage language = DiffLanguage.Vietnamese)
    {
        var vi = language == DiffLanguage.Vietnamese;
        var text = new StringBuilder();
        text.Append(vi ? $"Thay đổi từ phiên bản {OldVersion} sang {NewVersion}: " : $"Changes from version {OldVersion} to {NewVersion}: ")
            .AppendLine(Changes.IsEmpty ? (vi ? "không có." : "none.") : (vi ? $"{Changes.Length} thay đổi." : $"{Changes.Length} change(s)."));
        foreach (var group in Changes.GroupBy(c => c.Element).OrderBy(g => g.Key))
        {
            text.AppendLine(Heading(group.Key, vi));
            foreach (var change in group)
            {
                text.Append("  ").AppendLine(change.Kind switch
                {
                    RuleSetChangeKind.Added => $"+ {(vi ? "Thêm" : "Added")} {change.Id}: {change.NewValue}",
                    RuleSetChangeKind.Removed => $"- {(vi ? "Bỏ" : "Removed")} {change.Id}: {change.OldValue}",
                    _ => $"~ {change.Id} {change.Field}: {change.OldValue ?? "—"} → {change.NewValue ?? "—"}",
                });
            }
        }
        return text.ToString();
    }

    private static string Heading(RuleSetElement element, bool vi) => element switch
    {
        RuleSetElement.RuleSet => vi ? "Thông tin chung:" : "Rule set:",
        RuleSetElement.Indicator => vi ? "Chỉ số (indicators):" : "Indicators:",
        RuleSetElement.Section => vi ? "Phần (sections):" : "Sections:",
        RuleSetElement.Criterion => vi ? "Tiêu chí (criteria):" : "Criteria:",
        RuleSetElement.Grade => vi ? "Xếp loại (grades):" : "Grades:",
        _ => vi ? "Khen thưởng (awards):" : "Awards:",
    };
}
