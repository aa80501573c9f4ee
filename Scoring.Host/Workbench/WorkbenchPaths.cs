using System.Text.RegularExpressions;

namespace Scoring.Host.Workbench;

/// <summary>The workbench's addresses (Vietnamese, like the other pages) and the element ids derived from JSON paths.</summary>
internal static partial class WorkbenchPaths
{
    public const string Index = "/quy-tac";

    public static string NewVersion(string id, string version) => $"/quy-tac/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(version)}/phien-ban-moi";

    public static string Editor(string id, string version) => $"/quy-tac/nhap/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(version)}";

    public static string Json(string id, string version) => Editor(id, version) + "/json";

    public static string Simulator(string id, string version) => Editor(id, version) + "/cham-thu";

    /// <summary>Imports a file (Excel scoring table, RulesEngine workflows) into a new draft.</summary>
    public const string Import = "/quy-tac/nhap-tu-tep";

    /// <summary>Any version (published or draft) as the Excel scoring table.</summary>
    public static string Excel(string id, string version) => $"/quy-tac/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(version)}/excel";

    public static string Compare(string id) => $"/quy-tac/{Uri.EscapeDataString(id)}/so-sanh";

    /// <summary>An element id for a JSON path: "$.sections[1].bands[0]" → "f-sections-1-bands-0".</summary>
    public static string AnchorOf(string path) => "f" + (path == "$" ? "-goc" : NotAlphanumeric().Replace(path[1..], "-").TrimEnd('-'));

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotAlphanumeric();
}
