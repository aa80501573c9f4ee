using System.Text.Json;
using System.Text.RegularExpressions;
using Scoring.Bench.Generation;

namespace Scoring.Bench.Peers;

/// <summary>
/// The workload's 60 normative formulas ("expr" in criteria.json) in the dialect both peers read (System.Linq.Dynamic.Core,
/// which RulesEngine uses and NRules is fed through): indicators as properties of the parameter <c>u</c>, min/max as
/// Math.Min/Math.Max, whole-number literals as doubles. The peers compute in double, like the README's figures.
/// </summary>
public static partial class PeerExpressions
{
    public static IReadOnlyList<(string Id, string Expression)> Of(Workload workload)
    {
        var names = workload.Indicators.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return [.. workload.Criteria.Select(c => (c.GetProperty("id").GetString()!, Translate(c.GetProperty("expr").GetString()!, names)))];
    }

    public static string Translate(string expr, IReadOnlySet<string> indicators)
    {
        var text = Identifier().Replace(expr, m => m.Value switch
        {
            "min" => "Math.Min",
            "max" => "Math.Max",
            var id when indicators.Contains(id) => "u." + id,
            var other => other,
        });
        // Whole numbers as doubles, so Math.Min/Max and ?: see one type ("10" → "10.0").
        return WholeNumber().Replace(text, m => m.Value + ".0");
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<![\w.])\d+(?![\w.])")]
    private static partial Regex WholeNumber();
}
