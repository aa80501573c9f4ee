using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Scoring.Rules.Versions;

/// <summary>
/// A rule set's version (Semantic Versioning 2.0.0) with its one ordering, SemVer precedence: major, minor and patch
/// numerically; a pre-release is lower than its release (2.0.0-rc1 &lt; 2.0.0), pre-release identifiers compare
/// numerically when both are numbers, ASCII-ordinally otherwise, numbers before words, and a shorter list first
/// (1.0.0-alpha &lt; 1.0.0-alpha.1 &lt; 1.0.0-alpha.beta &lt; 1.0.0-beta.2 &lt; 1.0.0-beta.11 &lt; 1.0.0-rc.1 &lt; 1.0.0).
/// Build metadata (after '+') does not take part in precedence; it is not allowed in a rule set's version.
/// </summary>
public sealed partial class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private SemanticVersion(long major, long minor, long patch, ImmutableArray<string> preRelease, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        Text = text;
    }

    /// <summary>Orders version strings by precedence; a string that is not a version sorts before every version.</summary>
    public static IComparer<string> StringComparer { get; } = new TextComparer();

    public long Major { get; }

    public long Minor { get; }

    public long Patch { get; }

    /// <summary>The dot-separated pre-release identifiers ("rc", "1" for "-rc.1"); empty for a release.</summary>
    public ImmutableArray<string> PreRelease { get; }

    /// <summary>The text as written (without build metadata).</summary>
    public string Text { get; }

    public bool IsPreRelease => !PreRelease.IsEmpty;

    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) < 0;

    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) > 0;

    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) <= 0;

    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) >= 0;

    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) == 0;

    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) != 0;

    /// <summary>Whether <paramref name="text"/> is a version a rule set may carry: MAJOR.MINOR.PATCH with an optional pre-release, no build metadata.</summary>
    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text) && !text.Contains('+', StringComparison.Ordinal);

    /// <summary>Reads MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]; false for anything else (leading zeros, empty identifiers, "1.0").</summary>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = null!;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true }
            || !long.TryParse(match.Groups["major"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !long.TryParse(match.Groups["minor"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !long.TryParse(match.Groups["patch"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        var pre = match.Groups["pre"].Success ? [.. match.Groups["pre"].Value.Split('.')] : ImmutableArray<string>.Empty;
        var plus = text!.IndexOf('+', StringComparison.Ordinal);
        version = new SemanticVersion(major, minor, patch, pre, plus >= 0 ? text[..plus] : text);
        return true;
    }

    /// <exception cref="FormatException"><paramref name="text"/> is not a semantic version.</exception>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"\"{text}\" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE]).");

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (core != 0)
        {
            return core;
        }

        if (PreRelease.IsEmpty || other.PreRelease.IsEmpty)
        {
            return other.PreRelease.Length.CompareTo(PreRelease.Length) switch { 0 => 0, > 0 => 1, _ => -1 };
        }

        for (var i = 0; i < Math.Min(PreRelease.Length, other.PreRelease.Length); i++)
        {
            var c = CompareIdentifiers(PreRelease[i], other.PreRelease[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return PreRelease.Length.CompareTo(other.PreRelease.Length);
    }

    public bool Equals(SemanticVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', PreRelease));

    public override string ToString() => Text;

    private static int Compare(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int CompareIdentifiers(string a, string b)
    {
        var aNumeric = a.All(char.IsAsciiDigit);
        var bNumeric = b.All(char.IsAsciiDigit);
        if (aNumeric && bNumeric)
        {
            // No leading zeros (the pattern refuses them), so the longer number is the larger one.
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        }

        return aNumeric ? -1 : bNumeric ? 1 : string.CompareOrdinal(a, b);
    }

    // semver.org's recommended expression, with named groups.
    [GeneratedRegex(@"^(?<major>0|[1-9][0-9]*)\.(?<minor>0|[1-9][0-9]*)\.(?<patch>0|[1-9][0-9]*)"
                    + @"(?:-(?<pre>(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + @"(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    private sealed class TextComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            var xOk = TryParse(x, out var a);
            var yOk = TryParse(y, out var b);
            return xOk && yOk ? a.CompareTo(b) : xOk ? 1 : yOk ? -1 : string.CompareOrdinal(x, y);
        }
    }
}
