using System.Security.Cryptography;
using System.Text;

namespace Scoring.Host.Pipeline;

/// <summary>
/// A stored result's bytes against the bytes of the same inputs scored again: identical or not, both SHA-256 (lower-case
/// hex) and, when they differ, where (line, column and both lines, in Vietnamese). The one comparison of the `verify`
/// verb and of <c>POST /api/runs/{id}/verify</c>.
/// </summary>
internal sealed record ReplayComparison(bool Identical, string StoredSha256, string ReplayedSha256, string? FirstDifference)
{
    public static ReplayComparison Of(byte[] stored, byte[] replayed)
    {
        var identical = replayed.AsSpan().SequenceEqual(stored);
        return new ReplayComparison(identical, Sha256(stored), Sha256(replayed), identical ? null : Difference(stored, replayed));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Where the two texts first differ: line, column and the two lines.</summary>
    private static string Difference(byte[] stored, byte[] replayed)
    {
        var a = Encoding.UTF8.GetString(stored).Split('\n');
        var b = Encoding.UTF8.GetString(replayed).Split('\n');
        for (var line = 0; line < Math.Max(a.Length, b.Length); line++)
        {
            var left = line < a.Length ? a[line] : null;
            var right = line < b.Length ? b[line] : null;
            if (left == right)
            {
                continue;
            }
            if (left is null)
            {
                return $"kết quả chấm lại dài hơn, từ dòng {line + 1}: «{Trim(right!)}».";
            }
            if (right is null)
            {
                return $"kết quả đã lưu dài hơn, từ dòng {line + 1}: «{Trim(left)}».";
            }
            var column = 0;
            while (column < Math.Min(left.Length, right.Length) && left[column] == right[column])
            {
                column++;
            }
            return $"dòng {line + 1}, cột {column + 1}: kết quả đã lưu «{Excerpt(left, column)}», chấm lại «{Excerpt(right, column)}».";
        }
        return "khác nhau ở mã hoá (BOM hoặc ký tự xuống dòng).";
    }

    private static string Trim(string line) => line.Trim() is { Length: > 160 } long_ ? long_[..160] + "…" : line.Trim();

    // A stored run's result is one line of JSON: show the neighbourhood of the difference, not the line's start.
    private static string Excerpt(string line, int column)
    {
        if (line.Length <= 160)
        {
            return line.Trim();
        }
        var start = Math.Max(0, column - 60);
        var end = Math.Min(line.Length, start + 160);
        return (start > 0 ? "…" : "") + line[start..end] + (end < line.Length ? "…" : "");
    }
}
