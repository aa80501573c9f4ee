using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Changes a movement's title, plan and yearly report deadline (typed dd/MM) through the tenant service the API uses
/// (<see cref="TenantService"/>, as the API's PUT: the deadline checked, the yearly scoring rescheduled, the change audited).
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class EditMovementModel(ScoringDbContext db, TenantService tenants) : ConsolePageModel
{
    public string Tenant { get; private set; } = "";

    public string Code { get; private set; } = "";

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Plan { get; set; }

    /// <summary>The deadline as a person types it: dd/MM.</summary>
    [BindProperty]
    public string? Deadline { get; set; }

    /// <summary>Runs of the movement need the appraisal and the council's decisions before publication.</summary>
    [BindProperty]
    public bool CouncilStep { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, string code, CancellationToken ct)
    {
        if (await db.Movements.AsNoTracking().FirstOrDefaultAsync(m => m.TenantCode == tenant && m.Code == code, ct) is not { } movement)
        {
            return Missing($"Không có phong trào '{code}' của '{tenant}'.");
        }

        (Tenant, Code, Title, Plan) = (tenant, code, movement.Title, movement.Plan);
        Deadline = $"{movement.ReportDeadline[3..]}/{movement.ReportDeadline[..2]}";
        CouncilStep = movement.CouncilStep;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tenant, string code, CancellationToken ct)
    {
        (Tenant, Code) = (tenant, code);
        var found = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenant, ct);
        var movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).ToListAsync(ct);
        if (found is null || movements.All(m => m.Code != code))
        {
            return Missing($"Không có phong trào '{code}' của '{tenant}'.");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            Error = "Hãy nhập tên phong trào.";
            return Page();
        }

        // dd/MM as the API's MM-dd; the API checks that it is a real day of a month.
        var parts = (Deadline ?? "").Trim().Split('/');
        var deadline = parts.Length == 2 && parts[0].Length == 2 && parts[1].Length == 2 ? $"{parts[1]}-{parts[0]}" : Deadline ?? "";
        var body = new TenantDto(tenant, found.Name, movements.Select(m => m.Code == code
            ? new MovementDto(code, Title.Trim(), string.IsNullOrWhiteSpace(Plan) ? null : Plan.Trim(), deadline, m.TimeZone, CouncilStep)
            : TenantsApi.ToDto(m)).ToList());
        db.ChangeTracker.Clear();
        var outcome = await tenants.SaveAsync(Actor.From(User), tenant, body, ct);
        if (outcome.Refusal is { } refusal)
        {
            Error = refusal.Replace($"'{deadline}'", $"'{Deadline}'", StringComparison.Ordinal)
                .Replace("MM-dd (ví dụ 11-10)", "dd/MM (ví dụ 10/11)", StringComparison.Ordinal);
            return Page();
        }

        TempData["Notice"] = $"Đã lưu phong trào {code}; lịch chấm hằng năm đã cập nhật theo hạn mới.";
        return Redirect(TenantModel.PathOf(tenant) + "#phong-trao");
    }
}
