using Scoring.Rules.Model;

namespace Scoring.Host.Runs;

/// <summary>
/// Narrows frozen inputs to what a rule set can score, before they are hashed, so that a change the rule set cannot see
/// (an enterprise's revision while communes are scored) is the same run. It keeps exactly what
/// <see cref="EngineRunCalculator"/> reads, so scoring the filtered inputs gives the same result as the unfiltered ones:
/// <list type="bullet">
/// <item>units of the rule set's <c>unitKinds</c> (the calculator ignores the others);</item>
/// <item>groups with those units as members (the calculator drops the rest, and empty groups);</item>
/// <item>values of indicators the rule set declares (the calculator skips undeclared ones; unit cards show only declared
/// values). Declared indicators stay even when no criterion reads them: cards and defaults use them;</item>
/// <item>successor links and history of units whose successor chain reaches a kept unit (the only history that can be
/// mapped onto a scored unit).</item>
/// </list>
/// </summary>
internal static class RunInputsFilter
{
    public static RunInputs For(RunInputs inputs, RuleSet ruleSet)
    {
        var kinds = ruleSet.UnitKinds.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var declared = ruleSet.Indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var units = inputs.Units.Where(u => kinds.Contains(u.Kind))
            .Select(u => u with { Values = new SortedDictionary<string, string>(
                u.Values.Where(v => declared.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), StringComparer.Ordinal),
                Sources = Narrow(u.Sources, declared) })
            .ToList();
        var kept = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var groups = inputs.Groups
            .Select(g => g with { Members = g.Members.Where(kept.Contains).ToList() })
            .Where(g => g.Members.Count > 0)
            .ToList();

        var allSuccessors = inputs.Successors ?? new Dictionary<string, string>(StringComparer.Ordinal);
        bool Reaches(string code)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (string? current = code; current is not null && seen.Add(current); current = allSuccessors.GetValueOrDefault(current))
            {
                if (kept.Contains(current))
                {
                    return true;
                }
            }

            return false;
        }

        var successors = inputs.Successors is null
            ? null
            : new SortedDictionary<string, string>(inputs.Successors.Where(s => Reaches(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
        var history = inputs.History?.Where(h => Reaches(h.Unit)).ToList();
        return inputs with { Groups = groups, Units = units, History = history, Successors = successors };
    }

    /// <summary>How many unit results scoring these (filtered) inputs gives: one per group membership.</summary>
    public static int ScoredUnits(RunInputs inputs)
    {
        var codes = inputs.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return inputs.Groups.Sum(g => g.Members.Count(codes.Contains));
    }

    private static SortedDictionary<string, string>? Narrow(SortedDictionary<string, string>? sources, IReadOnlySet<string> declared)
    {
        var kept = sources?.Where(s => declared.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        return kept is { Count: > 0 } ? new SortedDictionary<string, string>(kept, StringComparer.Ordinal) : null;
    }
}
