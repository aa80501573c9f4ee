using System.Globalization;
using System.Text.RegularExpressions;

namespace Scoring.Host.Tests.Telemetry;

/// <summary>Reads a Prometheus text exposition.</summary>
internal static class Scrape
{
    /// <summary>
    /// The sum over every sample of the metric whose labels contain all given pairs (0 when none). Labels are matched up to
    /// the line's last brace, since a route label holds braces itself (<c>http_route="/api/tenants/{tenant}/runs/"</c>).
    /// </summary>
    public static double Sum(string exposition, string metric, params string[] labels) =>
        Regex.Matches(exposition, "^" + Regex.Escape(metric) + @"\{(.*)\} (\S+)\r?$", RegexOptions.Multiline)
            .Where(m => labels.All(l => m.Groups[1].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}
