using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Host.Pipeline;

/// <summary>
/// Picks the rule set for a unit kind in a year: same tenant and movement as the data, the year within its years, the
/// kind in its unit kinds; of several versions of one rule set, the highest (<see cref="RuleSetSelection"/>, the choice the
/// service makes too). Two different rule sets for the same
/// kind and year is an error, because the choice would be arbitrary.
/// </summary>
internal static class RuleSetSelector
{
    public static (RuleSetDocument? Document, string? Problem) Select(IReadOnlyList<RuleSetDocument> ruleSets, string tenant, string movement, int year, UnitKind kind)
    {
        var applicable = RuleSetSelection.Latest(ruleSets, d => d.RuleSet, new RuleSetQuery(year, tenant, movement, kind));

        if (applicable.Count == 1)
        {
            return (applicable[0], null);
        }

        if (applicable.Count > 1)
        {
            return (null, $"Có {applicable.Count} bộ tiêu chí khác nhau cùng áp dụng cho đơn vị loại «{kind}» năm {year}: "
                          + string.Join(", ", applicable.Select(d => $"{d.RuleSet.Id}@{d.RuleSet.Version} ({Path.GetFileName(d.File)})"))
                          + "; hãy chỉ để một bộ trong thư mục --rules hoặc thu hẹp unitKinds/years.");
        }

        var loaded = ruleSets.Count == 0
            ? "thư mục --rules không có bộ tiêu chí nào"
            : "đã đọc: " + string.Join("; ", ruleSets.Take(6).Select(d =>
                $"{d.RuleSet.Id}@{d.RuleSet.Version} (tenant {d.RuleSet.Tenant}, phong trào {d.RuleSet.Movement}, năm {d.RuleSet.Years.From}–{d.RuleSet.Years.To}, loại {string.Join("/", d.RuleSet.UnitKinds)})"))
              + (ruleSets.Count > 6 ? $"; và {ruleSets.Count - 6} bộ khác" : string.Empty);
        return (null, $"Không có bộ tiêu chí nào cho đơn vị loại «{kind}» của {tenant} (phong trào {movement}) năm {year}; {loaded}.");
    }
}
