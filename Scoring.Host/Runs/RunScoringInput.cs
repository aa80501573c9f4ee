using System.Collections.Immutable;
using NodaTime.Text;
using Scoring.Rules.Model;

namespace Scoring.Host.Runs;

/// <summary>
/// A run's frozen inputs as the pipeline's <see cref="ScoringInput"/>, for the run's rule set: units of the kinds it covers
/// and groups of those units; each value typed once, by the rule set's declaration, with its provenance (the import batch,
/// or the unit's own report); the frozen successor map and the imported history as decided outcomes.
/// </summary>
internal static class RunScoringInput
{
    /// <exception cref="InvalidOperationException">A frozen value does not read as its declared type, or a kind is unknown (Vietnamese message).</exception>
    public static ScoringInput From(RunInputs inputs, RuleSet ruleSet)
    {
        var types = ruleSet.Indicators.ToDictionary(i => i.Id, i => i.Type, StringComparer.Ordinal);
        var covered = inputs.Units.Where(u => ruleSet.UnitKinds.Contains(u.Kind)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var values = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, InputValue>>(StringComparer.Ordinal);
        foreach (var unit in covered.Values)
        {
            var typed = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
            foreach (var (indicator, text) in unit.Values)
            {
                if (!types.TryGetValue(indicator, out var type))
                {
                    continue;
                }

                if (!ValueParser.TryParse(text, type, out var value, out var error))
                {
                    throw new InvalidOperationException($"Giá trị {indicator} của {unit.Code}: {error}.");
                }

                typed[indicator] = new InputValue(value, unit.Sources?.GetValueOrDefault(indicator) ?? $"hồ sơ {unit.Code}");
            }

            values[unit.Code] = typed.ToImmutable();
        }

        var groups = inputs.Groups
            .Select(g => new InputGroup(g.Code, g.Name, GroupKindOf(g), [.. g.Members.Where(covered.ContainsKey)]))
            .Where(g => !g.Members.IsEmpty)
            .ToImmutableArray();
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
