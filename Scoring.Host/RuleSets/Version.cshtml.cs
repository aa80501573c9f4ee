using Microsoft.AspNetCore.Mvc;
using Scoring.Rules.Model;

namespace Scoring.Host.RuleSets;

/// <summary>One published rule-set version as a reader sees it: sections, criteria, grades, awards.</summary>
internal sealed class RuleSetVersionModel(PublicResults results, PublishedRuleSets ruleSets) : PublicPageModel
{
    public RuleSetVersion? Stored { get; private set; }

    public RuleSet? RuleSet { get; private set; }

    public string? TenantName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string version, CancellationToken ct)
    {
        Stored = await results.RuleSetAsync(id, version, ct);
        if (Stored is null)
        {
            return Missing($"Không có bộ tiêu chí “{id}” phiên bản {version}.");
        }

        // A stored version was validated when it was published, so it loads.
        RuleSet = ruleSets.Read(Stored).Document?.RuleSet;
        if (RuleSet is null)
        {
            return Missing($"Bộ tiêu chí “{id}” phiên bản {version} không đọc được.");
        }

        TenantName = await results.TenantNameAsync(Stored.Tenant, ct);
        return Page();
    }

    public string Conditions(AwardRule award)
    {
        var parts = new List<string>();
        if (!award.Years.IsEmpty)
        {
            parts.Add("năm " + string.Join(", ", award.Years));
        }

        if (award.MinTotal is { } min)
        {
            parts.Add($"tổng điểm từ {Display.Number(min)}");
        }

        if (!award.Grades.IsEmpty)
        {
            parts.Add("xếp loại " + string.Join(", ", award.Grades.Select(g => RuleSet!.Grades.FirstOrDefault(x => x.Id == g)?.Title ?? g)));
        }

        if (award.MaxRank is { } rank)
        {
            parts.Add(rank == 1 ? "dẫn đầu cụm/khối" : $"trong {rank} hạng đầu cụm/khối");
        }

        if (award.Eligibility is { Length: > 0 } eligibility)
        {
            parts.Add("điều kiện " + eligibility);
        }

        if (!award.Prerequisites.IsEmpty)
        {
            parts.Add($"{award.Prerequisites.Length} điều kiện tiên quyết");
        }

        return parts.Count == 0 ? "Không có điều kiện riêng" : string.Join("; ", parts);
    }

    public static string Quota(AwardQuota quota)
    {
        var parts = new List<string>();
        if (quota.PerGroup is { } group)
        {
            parts.Add($"tối đa {group} mỗi cụm/khối");
        }

        if (quota.PerTenant is { } tenant)
        {
            parts.Add($"tối đa {tenant} toàn tỉnh/xã");
        }

        if (quota.MaxShare is { } share)
        {
            parts.Add($"không quá {Display.Number(share * 100)}% {(quota.ShareOf is null or "group" ? "số đơn vị của cụm/khối" : "số đơn vị đạt " + quota.ShareOf)}");
        }

        return parts.Count == 0 ? "Không giới hạn" : string.Join("; ", parts);
    }
}
