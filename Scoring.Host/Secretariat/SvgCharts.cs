using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Scoring.Host.Secretariat;

/// <summary>
/// Charts drawn on the server as inline SVG (no script, nothing loaded from outside): horizontal bars with their values
/// written out, a title and a description for screen readers.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 640;
    private const int LabelWidth = 220;
    private const int BarHeight = 22;
    private const int Gap = 8;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The spread of totals in a group: one bar per unit, the group's average as a dashed line.</summary>
    public static IHtmlContent Totals(string id, string title, IReadOnlyList<(string Label, decimal Value)> bars, decimal average, decimal max) =>
        Bars(id, title, bars.Select(b => (b.Label, b.Value, (decimal?)null)).ToList(), max, average);

    /// <summary>A unit's section points (dark) against the group's average for each section (light).</summary>
    public static IHtmlContent Compare(string id, string title, IReadOnlyList<(string Label, decimal Value, decimal Average)> bars, decimal max) =>
        Bars(id, title, bars.Select(b => (b.Label, b.Value, (decimal?)b.Average)).ToList(), max, null);

    private static HtmlString Bars(string id, string title, IReadOnlyList<(string Label, decimal Value, decimal? Average)> bars, decimal max, decimal? averageLine)
    {
        var row = bars.Any(b => b.Average is not null) ? 2 * BarHeight + Gap : BarHeight + Gap;
        var height = bars.Count * row + 30;
        var plot = Width - LabelWidth - 70;
        var scale = max <= 0 ? 0 : plot / (double)max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{Attr(id)}\" class=\"chart\" role=\"img\" aria-labelledby=\"{Attr(id)}-t\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Attr(id)}-t\">{Text(title)}</title>");
        var y = 10;
        foreach (var (label, value, average) in bars)
        {
            var w = (int)Math.Round((double)value * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\">{Text(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{w}\" height=\"{BarHeight}\" fill=\"#1d4f91\"><title>{Text(label)}: {Number(value)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 6}\" y=\"{y + 16}\" font-size=\"13\">{Number(value)}</text>");
            if (average is { } a)
            {
                var aw = (int)Math.Round((double)a * scale);
                y += BarHeight;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"avg\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{aw}\" height=\"{BarHeight}\" fill=\"#9db7da\"><title>Trung bình cụm/khối: {Number(a)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + aw + 6}\" y=\"{y + 16}\" font-size=\"12\" fill=\"#333\">TB {Number(a)}</text>");
            }

            y += BarHeight + Gap;
        }

        if (averageLine is { } line)
        {
            var x = LabelWidth + (int)Math.Round((double)line * scale);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"4\" x2=\"{x}\" y2=\"{y}\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4}\" y=\"{y + 14}\" font-size=\"12\" fill=\"#b00020\">Trung bình {Number(line)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Number(decimal value) => value.ToString("0.##", Vietnamese);

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Attr(string value) => HtmlEncoder.Default.Encode(value);
}
