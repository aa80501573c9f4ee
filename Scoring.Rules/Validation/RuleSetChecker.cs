using System.Collections.Immutable;
using System.Globalization;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

/// <summary>The state of one validation run; the checks are split by aspect over partial files.</summary>
internal sealed partial class RuleSetChecker
{
    private readonly RuleSet set;
    private readonly DiagnosticBag bag;
    private readonly ImmutableHashSet<string> broken;
    private readonly ImmutableDictionary<string, IndicatorDefinition> indicators;

    public RuleSetChecker(RuleSet set, DiagnosticBag bag, ImmutableHashSet<string> broken)
    {
        this.set = set;
        this.bag = bag;
        this.broken = broken;
        // The first declaration wins; duplicates are reported separately.
        var builder = ImmutableDictionary.CreateBuilder<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (var indicator in set.Indicators.Where(i => i.Id.Length > 0))
        {
            builder.TryAdd(indicator.Id, indicator);
        }
        indicators = builder.ToImmutable();
    }

    public void Run()
    {
        CheckHeader();
        CheckIndicators();
        CheckSections();
        CheckGrades();
        CheckTieBreakers();
        CheckAwards();
        CheckTests();
        CheckUnusedIndicators();
    }

    private static string F(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the reader could not read the value at <paramref name="path"/> or anything inside it.</summary>
    private bool IsBroken(string path) =>
        broken.Contains(path) || broken.Any(b => b.StartsWith(path + ".", StringComparison.Ordinal) || b.StartsWith(path + "[", StringComparison.Ordinal));

    /// <summary>Newtonsoft's path for a property: ".name", or "['name']" when the name has characters a path uses.</summary>
    internal static string PropertyPath(string parent, string name) =>
        name.IndexOfAny(['.', ' ', '[', ']', '(', ')', '\'', '"']) >= 0
            ? $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']"
            : $"{parent}.{name}";

    private void CheckDuplicates<T>(IEnumerable<T> items, Func<T, string> id, Func<T, string> path, string what, string idProperty = "id")
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (key.Length == 0)
            {
                continue;
            }
            if (seen.TryGetValue(key, out var first))
            {
                bag.Error(DiagnosticCodes.DuplicateId, path(item) + "." + idProperty,
                    $"Duplicate {what} `{key}`: it is already used at {first}.", $"Give each {what} a different {idProperty}.");
            }
            else
            {
                seen[key] = path(item);
            }
        }
    }

    private void CheckHeader()
    {
        if (!IsBroken("$.years") && set.Years.From > set.Years.To)
        {
            bag.Error(DiagnosticCodes.YearRange, "$.years",
                $"`years.from` ({set.Years.From}) is after `years.to` ({set.Years.To}).", "Swap them or correct the range, e.g. 2025 to 2030.");
        }
        if (!IsBroken("$.unitKinds") && set.UnitKinds.IsEmpty)
        {
            bag.Error(DiagnosticCodes.UnitKindsEmpty, "$.unitKinds", "`unitKinds` is empty: the rule set would apply to no unit.",
                "List the unit kinds it scores, e.g. [\"locality\"].");
        }
        if (!IsBroken("$.total") && set.Total.Min > set.Total.Max)
        {
            bag.Error(DiagnosticCodes.TotalLimits, "$.total", $"`total.min` ({F(set.Total.Min)}) is above `total.max` ({F(set.Total.Max)}).",
                "Make min no larger than max.");
        }
        else if (!IsBroken("$.total") && !IsBroken("$.sections") && set.Total.Max < set.BasePoints)
        {
            bag.Warning(DiagnosticCodes.TotalLimits, "$.total.max",
                $"`total.max` ({F(set.Total.Max)}) is below the base points ({F(set.BasePoints)}): the best units are capped.",
                "Raise total.max to at least the sum of the sections' maxPoints, or remove it to use base + bonus cap.");
        }
    }

    private void CheckIndicators()
    {
        CheckDuplicates(set.Indicators, i => i.Id, i => i.Path, "indicator id");
        foreach (var indicator in set.Indicators)
        {
            if (indicator.Min is { } min && indicator.Max is { } max && min > max)
            {
                bag.Error(DiagnosticCodes.IndicatorRange, indicator.Path + ".min",
                    $"Indicator `{indicator.Id}`: min ({F(min)}) is above max ({F(max)}).", "Swap min and max.");
            }
            if (indicator.Default is { } value)
            {
                if (TypeProblem(indicator, value) is { } problem)
                {
                    bag.Error(DiagnosticCodes.IndicatorDefault, indicator.Path + ".default", $"Indicator `{indicator.Id}`: the default {problem}.",
                        $"Write a default of type {indicator.Type.ToString().ToLowerInvariant()}.");
                }
                else if (RangeProblem(indicator, value) is { } outside)
                {
                    bag.Error(DiagnosticCodes.IndicatorDefault, indicator.Path + ".default", $"Indicator `{indicator.Id}`: the default {outside}.",
                        "Write a default inside the declared range.");
                }
            }
        }
    }

    /// <summary>Why <paramref name="value"/> does not have the indicator's type, or null.</summary>
    private static string? TypeProblem(IndicatorDefinition indicator, IndicatorValue value)
    {
        var numeric = indicator.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count;
        var valueNumeric = value.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count;
        if (numeric != valueNumeric || (!numeric && indicator.Type != value.Type))
        {
            return $"{value} is a {(valueNumeric ? "number" : value.Type.ToString().ToLowerInvariant())} but `{indicator.Id}` is a {indicator.Type.ToString().ToLowerInvariant()}";
        }
        if (indicator.Type == IndicatorType.Count && (value.Number != decimal.Truncate(value.Number) || value.Number < 0))
        {
            return $"{value} is not a count (a whole number ≥ 0)";
        }
        return null;
    }

    /// <summary>Why <paramref name="value"/> is outside the indicator's declared range, or null.</summary>
    private static string? RangeProblem(IndicatorDefinition indicator, IndicatorValue value)
    {
        if (indicator.Min is { } min && value.Number < min)
        {
            return $"{value} is below the minimum {F(min)} of `{indicator.Id}`";
        }
        if (indicator.Max is { } max && value.Number > max)
        {
            return $"{value} is above the maximum {F(max)} of `{indicator.Id}`";
        }
        return null;
    }
}
