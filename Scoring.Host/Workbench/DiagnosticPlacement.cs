using Scoring.Rules.Validation;

namespace Scoring.Host.Workbench;

/// <summary>
/// Puts each diagnostic next to the field it concerns: the rendered path equal to its JSON path, or else the nearest
/// rendered path above it (a band row for an overlap, the criterion for a missing property); "$" when nothing closer is shown.
/// </summary>
internal static class DiagnosticPlacement
{
    public static IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Place(IEnumerable<string> anchors, IEnumerable<Diagnostic> diagnostics)
    {
        var shown = anchors.ToHashSet(StringComparer.Ordinal);
        return diagnostics.GroupBy(d => AnchorOf(d.JsonPath, shown), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)g.ToList(), StringComparer.Ordinal);
    }

    public static string AnchorOf(string path, IReadOnlySet<string> shown)
    {
        var current = path;
        while (current.Length > 1 && !shown.Contains(current))
        {
            current = Parent(current);
        }

        return shown.Contains(current) ? current : "$";
    }

    /// <summary>"$.a[1].b" → "$.a[1]" → "$.a" → "$"; a bracketed name ("['I.3']") is one segment.</summary>
    public static string Parent(string path)
    {
        var depth = 0;
        for (var i = path.Length - 1; i > 0; i--)
        {
            var c = path[i];
            if (c == ']')
            {
                depth++;
            }
            else if (c == '[')
            {
                depth--;
                if (depth == 0)
                {
                    return path[..i];
                }
            }
            else if (c == '.' && depth == 0)
            {
                return path[..i];
            }
        }

        return "$";
    }
}
