using System.Globalization;
using System.Text;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Letters of other alphabets that look like Latin letters (Cyrillic "а", Greek "ο", …) and Latin letters with a
/// diacritic typed by a Vietnamese keyboard ("í" for "i"). A name that differs from a declared one only by such letters
/// was almost certainly meant to be that name; the usual edit-distance hint misses it when several letters differ.
/// The table holds the look-alikes of Unicode's confusables list (UTS #39) that can appear in an identifier.
/// </summary>
internal static class Confusables
{
    private static readonly Dictionary<char, (char Latin, string Alphabet)> Table = Build();

    /// <summary>
    /// The declared name that <paramref name="name"/> imitates, with the foreign letters it contains (for the message);
    /// null when the name holds only ASCII letters or imitates nothing declared.
    /// </summary>
    public static (string Intended, IReadOnlyList<string> Letters)? Find(string name, IEnumerable<string> candidates)
    {
        if (name.All(char.IsAscii))
        {
            return null;
        }
        var skeleton = Skeleton(name);
        var intended = candidates.FirstOrDefault(c => c.All(char.IsAscii) && string.Equals(Skeleton(c), skeleton, StringComparison.Ordinal));
        return intended is null ? null : (intended, Describe(name));
    }

    /// <summary>The sentence naming the foreign letters: "chữ `а` (bảng chữ cái Kirin, trông giống chữ Latin `a`)".</summary>
    public static string Explain(IReadOnlyList<string> letters) =>
        $"tên có {string.Join(", ", letters)}";

    private static List<string> Describe(string name)
    {
        var letters = new List<string>();
        foreach (var c in name.Distinct().Where(c => !char.IsAscii(c)))
        {
            letters.Add(Table.TryGetValue(c, out var entry)
                ? $"chữ `{c}` ({entry.Alphabet}, trông giống chữ Latin `{entry.Latin}`)"
                : $"chữ `{c}` (có dấu, khác chữ `{Skeleton(c.ToString())}`)");
        }
        return letters;
    }

    private static string Skeleton(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(Table.TryGetValue(c, out var entry) ? entry.Latin : c);
        }
        return builder.ToString();
    }

    private static Dictionary<char, (char, string)> Build()
    {
        const string cyrillic = "bảng chữ cái Kirin";
        const string greek = "bảng chữ cái Hy Lạp";
        const string other = "chữ Latin mở rộng";
        var table = new Dictionary<char, (char, string)>();
        void Add(string letters, string latin, string alphabet)
        {
            for (var i = 0; i < letters.Length; i++)
            {
                table[letters[i]] = (latin[i], alphabet);
            }
        }
        Add("аеорсухіјѕԁһԛԝӏ", "aeopcyxijsdhqwl", cyrillic);
        Add("АВЕКМНОРСТХІЈЅ", "ABEKMHOPCTXIJS", cyrillic);
        Add("αοριυνκτ", "aopiuvkt", greek);
        Add("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", greek);
        Add("đĐıɑɡ", "dDiag", other);
        return table;
    }
}
