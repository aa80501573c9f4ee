using System.Collections.Immutable;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Values;

/// <summary>
/// Checks a unit's whole set of values against the indicators the applicable rule sets declare, collecting EVERY
/// problem (never only the first): values that do not fit (<see cref="IndicatorValueCheck"/>), empty values, and
/// indicators no applicable rule set declares (with the closest declared id as a hint; <see cref="IndicatorValueError.Undeclared"/>).
/// </summary>
public static class IndicatorValues
{
    public static (ImmutableDictionary<string, IndicatorValue> Values, ImmutableArray<IndicatorValueError> Errors) Check(
        IEnumerable<KeyValuePair<string, string?>> values, IReadOnlyDictionary<string, IndicatorDefinition> declared)
    {
        var typed = ImmutableDictionary.CreateBuilder<string, IndicatorValue>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<IndicatorValueError>();
        foreach (var (id, text) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!declared.TryGetValue(id, out var indicator))
            {
                var hint = Suggestions.Closest(id, declared.Keys) is { } near ? $"; có phải `{near}`?" : string.Empty;
                // What is allowed is the rule set's list of indicators: the caller names it once, not once per unknown value.
                errors.Add(new IndicatorValueError(id, null, text, "không bộ tiêu chí nào áp dụng cho đơn vị này khai báo chỉ số này" + hint, string.Empty));
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new IndicatorValueError(id, indicator.Title, text, "giá trị trống",
                    IndicatorValueCheck.Allowed(indicator.Type, indicator.Min, indicator.Max) + " (bỏ chỉ số ra nếu chưa có số liệu)"));
                continue;
            }
            var (value, problem) = IndicatorValueCheck.Check(indicator.Type, indicator.Min, indicator.Max, text);
            if (problem is not null)
            {
                errors.Add(new IndicatorValueError(id, indicator.Title, text, problem.Problem, problem.Allowed));
                continue;
            }
            typed[id] = value!.Value;
        }
        return (typed.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>The declared id closest to <paramref name="id"/> (a "did you mean" hint for an undeclared one), or null.</summary>
    public static string? ClosestDeclared(string id, IEnumerable<string> declared) => Suggestions.Closest(id, declared);
}
