namespace Scoring.Rules.Validation;

/// <summary>"Did you mean ...?" suggestions by edit distance (case-insensitive).</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a distance that scales with the word's length, or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, word.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>" Có phải bạn định viết `x`?" ("did you mean") or an empty string.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } s ? Phrase(s) : string.Empty;

    /// <summary>Identifiers for a "use one of" hint, each verbatim in backticks: "`good`, `other`".</summary>
    public static string List(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => $"`{id}`"));

    /// <summary>The "did you mean" sentence for a suggestion already found, with its leading space.</summary>
    public static string Phrase(string suggestion) => $" Có phải bạn định viết `{suggestion}`?";

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
