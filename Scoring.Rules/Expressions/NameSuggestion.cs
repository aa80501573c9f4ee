namespace Scoring.Rules.Expressions;

/// <summary>Finds the declared name closest to a misspelt one, for "did you mean" hints.</summary>
internal static class NameSuggestion
{
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        string? prefixMatch = null;
        var prefixMatches = 0;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            var distance = Distance(name, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
            // An abbreviation ("Ceil" for "Ceiling") is a good hint only when it is unambiguous.
            if (name.Length >= 3 && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                prefixMatch = candidate;
                prefixMatches++;
            }
        }
        return best ?? (prefixMatches == 1 ? prefixMatch : null);
    }

    // Levenshtein distance, case-insensitive; names are short so the quadratic cost does not matter.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
