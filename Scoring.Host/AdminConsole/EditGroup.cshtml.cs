using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Model;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Creates or changes a cluster/bloc of one year: name, kind, the member units (ticked), the head and the deputy (chosen
/// among the ticked units). The form checks only its own shape (a code and year for a new group; head and deputy ticked and
/// not the same unit); everything else is decided by <see cref="GroupService.PutAsync"/>, the API's own rules (known units,
/// at least one member, a unit in one group of the year, written under the year's lock and audited). Refusals are shown
/// beside their fields and nothing is written.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class EditGroupModel(ScoringDbContext db, GroupService groups) : ConsoleFormModel
{
    public string Tenant { get; private set; } = "";

    public string TenantName { get; private set; } = "";

    /// <summary>True on the page of a new group (no code in the address).</summary>
    public bool IsNew { get; private set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public List<string> Members { get; set; } = [];

    [BindProperty]
    public string? Head { get; set; }

    [BindProperty]
    public string? Deputy { get; set; }

    public IReadOnlyList<GroupFormUnit> Units { get; private set; } = [];

    public static string PathOf(string tenant, int year, string code) =>
        $"{TenantModel.PathOf(tenant)}/cum-khoi/{year.ToString(CultureInfo.InvariantCulture)}/{code}";

    public static string NewPathOf(string tenant, int? year = null) =>
        $"{TenantModel.PathOf(tenant)}/cum-khoi" + (year is { } y ? "/" + y.ToString(CultureInfo.InvariantCulture) : "");

    public async Task<IActionResult> OnGetAsync(string tenant, [FromRoute] int? year, [FromRoute] string? code, CancellationToken ct)
    {
        if (!await LoadTenantAsync(tenant, ct))
        {
            return Missing($"Không có tỉnh/xã '{tenant}'.");
        }

        IsNew = code is null;
        Year = year?.ToString(CultureInfo.InvariantCulture);
        Kind = GroupKind.Cluster.Value;
        if (code is not null)
        {
            var group = await db.Groups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct);
            if (group is null)
            {
                return Missing($"Không có cụm/khối '{code}' năm {year} của '{tenant}'.");
            }

            (Code, Name, Kind) = (group.Code, group.Name, group.Kind);
            Members = group.Members.Select(m => m.UnitCode).ToList();
            Head = group.Members.FirstOrDefault(m => m.Role == GroupRole.Head)?.UnitCode;
            Deputy = group.Members.FirstOrDefault(m => m.Role == GroupRole.Deputy)?.UnitCode;
        }

        await LoadUnitsAsync(tenant, year, ct);
        return Page();
    }

    // The route's year and code, never the form's fields of the same names (a new group's typed Year and Code).
    public async Task<IActionResult> OnPostAsync(string tenant, [FromRoute] int? year, [FromRoute] string? code, CancellationToken ct)
    {
        if (!await LoadTenantAsync(tenant, ct))
        {
            return Missing($"Không có tỉnh/xã '{tenant}'.");
        }

        IsNew = code is null;
        if (IsNew)
        {
            code = Code?.Trim() ?? "";
            year = int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var typed) && typed is >= 2000 and <= 2100 ? typed : null;
            if (year is null)
            {
                Refuse(nameof(Year), $"Năm “{Year}” không hợp lệ; hãy nhập năm bốn chữ số, ví dụ 2026.");
            }

            if (!TenantCode.IsValid(code))
            {
                Refuse(nameof(Code), code.Length == 0 ? "Hãy nhập mã cụm/khối, ví dụ cum-3." : $"Mã “{code}” không dùng được: mã {TenantCode.Rule}");
            }
            else if (year is { } y && await db.Groups.AsNoTracking().AnyAsync(g => g.TenantCode == tenant && g.Year == y && g.Code == code, ct))
            {
                Refuse(nameof(Code), $"Năm {y} đã có cụm/khối mã {code}; mở cụm/khối đó để sửa, hoặc chọn mã khác.");
            }
        }
        else if (!await db.Groups.AsNoTracking().AnyAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct))
        {
            return Missing($"Không có cụm/khối '{code}' năm {year} của '{tenant}'.");
        }

        (Code, Year) = (code, year?.ToString(CultureInfo.InvariantCulture) ?? Year);
        Members = Members.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.Ordinal).ToList();
        Head = string.IsNullOrWhiteSpace(Head) ? null : Head.Trim();
        Deputy = string.IsNullOrWhiteSpace(Deputy) ? null : Deputy.Trim();
        if (Head is { } head && !Members.Contains(head))
        {
            Refuse(nameof(Head), $"Cụm/khối trưởng {head} chưa được đánh dấu là thành viên; hãy đánh dấu đơn vị đó trong danh sách thành viên hoặc chọn đơn vị khác.");
        }

        if (Deputy is { } deputy && !Members.Contains(deputy))
        {
            Refuse(nameof(Deputy), $"Cụm/khối phó {deputy} chưa được đánh dấu là thành viên; hãy đánh dấu đơn vị đó trong danh sách thành viên hoặc chọn đơn vị khác.");
        }
        else if (Deputy is not null && Deputy == Head)
        {
            Refuse(nameof(Deputy), "Cụm/khối phó phải là đơn vị khác cụm/khối trưởng.");
        }

        if (IsRefused)
        {
            await LoadUnitsAsync(tenant, year, ct);
            return Page();
        }

        var members = Members.Select(m => new GroupMemberDto(m, m == Head ? "head" : m == Deputy ? "deputy" : "member")).ToList();
        var result = await groups.PutAsync(tenant, year!.Value, code!, new GroupDto(code!, Name?.Trim() ?? "", Kind ?? "", year.Value, members), Actor, ct);
        if (result.Result is ProblemHttpResult problem)
        {
            Refuse(problem.ProblemDetails.Extensions.TryGetValue("field", out var field) && field is string f ? FormField(f) : nameof(Members),
                problem.ProblemDetails.Detail ?? "");
            db.ChangeTracker.Clear();
            await LoadUnitsAsync(tenant, year, ct);
            return Page();
        }

        TempData["Notice"] = $"Đã lưu cụm/khối {code} năm {year} với {members.Count} thành viên.";
        return Redirect($"{TenantModel.PathOf(tenant)}?nam={year.Value.ToString(CultureInfo.InvariantCulture)}#cum-khoi");
    }

    /// <summary>The form field a service refusal names (its JSON field): name, kind, or the member list.</summary>
    private static string FormField(string field) => field switch
    {
        "name" => nameof(Name),
        "kind" => nameof(Kind),
        _ => nameof(Members),
    };

    private async Task<bool> LoadTenantAsync(string tenant, CancellationToken ct)
    {
        var found = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenant, ct);
        (Tenant, TenantName) = (tenant, found?.Name ?? tenant);
        return found is not null;
    }

    /// <summary>The tenant's units valid at some time in the year (every unit without a year), and any member outside it.</summary>
    private async Task LoadUnitsAsync(string tenant, int? year, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).OrderBy(u => u.Code).ToListAsync(ct);
        var elsewhere = year is { } y
            ? (await db.GroupMembers.AsNoTracking()
                .Join(db.Groups.Where(g => g.TenantCode == tenant && g.Year == y && g.Code != Code), m => m.GroupId, g => g.Id, (m, g) => new { m.UnitCode, g.Code })
                .ToListAsync(ct)).GroupBy(x => x.UnitCode).ToDictionary(x => x.Key, x => x.First().Code, StringComparer.Ordinal)
            : [];
        Units = units
            .Where(u => Members.Contains(u.Code) || year is not { } yy || ((u.ValidFrom is null || u.ValidFrom.Value.Year <= yy) && (u.ValidTo is null || u.ValidTo.Value.Year >= yy)))
            .Select(u => new GroupFormUnit(u.Code, u.Name, u.Kind, Members.Contains(u.Code), elsewhere.GetValueOrDefault(u.Code),
                u.ValidFrom is null && u.ValidTo is null ? null
                    : $"{(u.ValidFrom is { } f ? Display.Date(f) : "…")} – {(u.ValidTo is { } t ? Display.Date(t) : "…")}"))
            .ToList();
    }
}
