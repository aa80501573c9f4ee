using Scoring.Rules.Loading;

namespace Scoring.Host.Pipeline;

/// <summary>
/// Picks the rule set for a unit kind in a year: same tenant and movement as the data, the year within its years, the
/// kind in its unit kinds; of several versions of one rule set, the highest. Two different rule sets for the same
/// kind and year is an error, because the choice would be arbitrary.
/// </summary>
internal static class RuleSetSelector
{
    public static (RuleSetDocument? Document, string? Problem) Select(IReadOnlyList<RuleSetDocument> ruleSets, TenantInfo tenant, int year, string kind)
    {
        var applicable = ruleSets
            .Where(d => d.RuleSet.Tenant == tenant.Code
                        && d.RuleSet.Movement == tenant.Movement.Id
                        && d.RuleSet.Years.Contains(year)
                        && d.RuleSet.UnitKinds.Contains(kind))
            .GroupBy(d => d.RuleSet.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.RuleSet.Version, SemanticVersion.Comparer).First())
            .OrderBy(d => d.RuleSet.Id, StringComparer.Ordinal)
            .ToList();

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
        return (null, $"Không có bộ tiêu chí nào cho đơn vị loại «{kind}» của {tenant.Code} (phong trào {tenant.Movement.Id}) năm {year}; {loaded}.");
    }
}
