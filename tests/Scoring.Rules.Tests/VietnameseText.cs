using System.Text.RegularExpressions;

namespace Scoring.Rules.Tests;

/// <summary>
/// Checks that a message a rule maintainer reads is Vietnamese: it has at least one Vietnamese letter with a
/// diacritic, and outside the verbatim parts (`code`, "values", 'expressions') no common English word.
/// </summary>
internal static partial class VietnameseText
{
    private const string Diacritics = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "is", "are", "was", "were", "be", "must", "should", "expected", "expect", "found", "not", "and",
        "or", "with", "without", "cannot", "can", "has", "have", "of", "to", "in", "at", "on", "it", "its", "this", "that",
        "which", "only", "use", "write", "add", "remove", "give", "did", "you", "mean", "error", "warning", "fix", "file",
        "line", "column", "property", "allowed", "unknown", "missing", "invalid", "unexpected", "needs", "needed", "here",
        "than", "above", "below", "outside", "between", "declared", "empty", "never", "every", "too", "large",
        "syntax", "could", "does", "there", "after", "before", "same", "different", "either", "neither", "nor",
    };

    /// <summary>Null when <paramref name="text"/> reads as Vietnamese, otherwise why not.</summary>
    public static string? Problem(string text)
    {
        if (!text.ToLowerInvariant().Any(c => Diacritics.Contains(c, StringComparison.Ordinal)))
        {
            return "has no Vietnamese letter with a diacritic";
        }
        var prose = Verbatim().Replace(text, " ");
        var english = Words().Matches(prose).Select(m => m.Value).Where(EnglishWords.Contains).Distinct().ToList();
        return english.Count == 0 ? null : $"has English words outside quotes: {string.Join(", ", english)}";
    }

    // `code`, "value" and 'expression' parts are quoted verbatim from the file and stay as written; so do file paths.
    [GeneratedRegex("`[^`]*`|\"[^\"]*\"|'[^']*'|«[^»]*»|\\S*/\\S*", RegexOptions.CultureInvariant)]
    private static partial Regex Verbatim();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.$\[])[A-Za-z]+(?![\p{L}\p{N}_(\]])", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
