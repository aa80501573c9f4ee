using System.Net;
using System.Text.RegularExpressions;

namespace Scoring.Host.Tests.Pages;

/// <summary>Small readers over rendered HTML: the decoded text and the rows of a table.</summary>
internal static partial class PageHtml
{
    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The data-unit attributes of the rows of the table with the given data-group, in page order.</summary>
    public static IReadOnlyList<string> RankedUnits(string html, string group)
    {
        var start = html.IndexOf($"<table data-group=\"{group}\">", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return UnitRow().Matches(html[start..end]).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>The data-unit attributes of the award list's rows, in page order.</summary>
    public static IReadOnlyList<string> AwardedUnits(string html)
    {
        var start = html.IndexOf("<table class=\"awards\">", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return UnitRow().Matches(html[start..end]).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>The decoded text inside the first element with the given id.</summary>
    public static string? ById(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        return match.Success ? Decode(match.Groups[1].Value).Trim() : null;
    }

    /// <summary>The decoded reason cell of a criterion row.</summary>
    public static string? Reason(string html, string criterion)
    {
        var match = Regex.Match(html, $"<tr data-criterion=\"{Regex.Escape(criterion)}\">.*?<td class=\"reason\"[^>]*>(.*?)</td>", RegexOptions.Singleline);
        return match.Success ? Decode(match.Groups[1].Value).Trim() : null;
    }

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\">")]
    private static partial Regex UnitRow();
}
