using System.Collections.Immutable;
using NodaTime.Text;
using Scoring.Rules.Model;
using Scoring.Rules.Values;

namespace Scoring.Host.Runs;

/// <summary>
/// A run's frozen inputs as the pipeline's <see cref="ScoringInput"/>, for the run's rule set: units of the kinds it covers
/// and groups of those units; each value typed once, by the rule set's declaration, with its provenance (the import batch,
/// or the unit's own report); the frozen successor map and the imported history as decided outcomes.
/// </summary>
internal static class RunScoringInput
{
    /// <exception cref="InvalidOperationException">Frozen values do not fit their declarations (all named), no group has a covered unit, or a kind is unknown (Vietnamese message).</exception>
    public static ScoringInput From(RunInputs inputs, RuleSet ruleSet)
    {
        var declared = ruleSet.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var covered = inputs.Units.Where(u => UnitKind.TryParse(u.Kind, out var kind) && ruleSet.UnitKinds.Contains(kind)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var values = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, InputValue>>(StringComparer.Ordinal);
        var bad = new List<string>();
        foreach (var unit in covered.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            // The last guard: the same check as at the API and the data folder, over every value of every unit, so a run
            // never scores a value that does not fit (DTI 1.5) and, when it refuses, names all of them at once.
            var (checkedValues, errors) = IndicatorValues.Check(
                unit.Values.Where(v => declared.ContainsKey(v.Key)).Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)), declared);
            bad.AddRange(errors.Select(e => $"{unit.Code}: {e}"));
            values[unit.Code] = checkedValues.ToImmutableDictionary(
                v => v.Key, v => new InputValue(v.Value, unit.Sources?.GetValueOrDefault(v.Key) ?? $"hồ sơ {unit.Code}"), StringComparer.Ordinal);
        }

        if (bad.Count > 0)
        {
            throw new InvalidOperationException(
                $"Có {bad.Count} giá trị không hợp lệ với bộ tiêu chí {ruleSet.Id}@{ruleSet.Version}; chưa chấm điểm. Sửa các giá trị này (trả hồ sơ cho đơn vị hoặc nhập lại) rồi chấm lại: "
                + string.Join(" | ", bad));
        }

        var groups = inputs.Groups
            .Select(g => new InputGroup(g.Code, g.Name, GroupKindOf(g), [.. g.Members.Where(covered.ContainsKey)]))
            .Where(g => !g.Members.IsEmpty)
            .ToImmutableArray();
        if (groups.IsEmpty)
        {
            // Say it in the terms of the service; the pipeline's own message is about a data folder's groups file.
            throw new InvalidOperationException(
                $"Không có cụm/khối nào năm {inputs.Year} có thành viên thuộc loại đơn vị mà bộ tiêu chí {ruleSet.Id}@{ruleSet.Version} chấm "
                + $"({string.Join(", ", ruleSet.UnitKinds)}); không có gì để xếp hạng. Hãy thêm đơn vị vào cụm/khối (PUT /api/tenants/{inputs.Tenant}/groups/{inputs.Year}/{{mã}}) rồi chấm lại.");
        }

        var units = covered.Values.ToImmutableDictionary(u => u.Code,
            u => new InputUnit(u.Code, u.Name, KindOf(u), u.ValidTo is null ? null : LocalDatePattern.Iso.Parse(u.ValidTo).Value), StringComparer.Ordinal);
        var history = inputs.History ?? [];
        return new ScoringInput(
            ruleSet.Tenant,
            ruleSet.Movement,
            units,
            (inputs.Successors ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<int, InputYear>().Add(inputs.Year, new InputYear(inputs.Year, groups, values.ToImmutable())),
            [.. history.Where(h => h.IsImported).Select(ToRecord)],
            Folder: null);
    }

    /// <summary>Outcomes of published runs of earlier years: they count as computed results, which decided history overrides.</summary>
    public static IEnumerable<Scoring.Engine.Model.HistoryRecord> ComputedHistory(RunInputs inputs) =>
        (inputs.History ?? []).Where(h => !h.IsImported).Select(ToRecord);

    private static Scoring.Engine.Model.HistoryRecord ToRecord(RunInputHistory h) => new(h.Unit, h.Year, h.Grade, h.Award);

    private static UnitKind KindOf(RunInputUnit unit) =>
        UnitKind.TryParse(unit.Kind, out var kind) ? kind : throw new InvalidOperationException($"Loại đơn vị «{unit.Kind}» của {unit.Code} không hợp lệ.");

    private static GroupKind GroupKindOf(RunInputGroup group) =>
        GroupKind.TryParse(group.Kind, out var kind) ? kind : throw new InvalidOperationException($"Loại cụm/khối «{group.Kind}» của {group.Code} không hợp lệ.");
}
