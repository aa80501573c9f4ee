using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Adds a movement to an existing tenant through the API's own tenant handler (the tenant's other movements sent unchanged):
/// each refusal beside its field and nothing written; a code the tenant already has is refused, never replaced.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class NewMovementModel(ScoringDbContext db, AuditTrail audit, YearlySchedule yearly, IOutputCacheStore pages, IClock clock) : ConsoleFormModel
{
    public string Tenant { get; private set; } = "";

    public string TenantName { get; private set; } = "";

    [BindProperty]
    public string? MovementCode { get; set; }

    [BindProperty]
    public string? MovementTitle { get; set; }

    [BindProperty]
    public string? Plan { get; set; }

    [BindProperty]
    public string? Deadline { get; set; }

    public static string PathOf(string tenant) => TenantModel.PathOf(tenant) + "/phong-trao-moi";

    public async Task<IActionResult> OnGetAsync(string tenant, CancellationToken ct) =>
        await LoadAsync(tenant, ct) is null ? Missing($"Không có tỉnh/xã '{tenant}'.") : Page();

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (await LoadAsync(tenant, ct) is not { } found)
        {
            return Missing($"Không có tỉnh/xã '{tenant}'.");
        }

        var movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).ToListAsync(ct);
        var movement = MovementForm.Read(this, MovementCode, MovementTitle, Plan, Deadline);
        if (movements.FirstOrDefault(m => m.Code == MovementCode?.Trim()) is { } same)
        {
            Refuse(nameof(MovementCode), $"{found.Name} đã có phong trào mã {same.Code} ({same.Title}); hãy sửa phong trào đó hoặc chọn mã khác.");
        }

        if (IsRefused)
        {
            return Page();
        }

        var body = new TenantDto(tenant, found.Name, [.. movements.Select(TenantsApi.ToDto), movement!]);
        db.ChangeTracker.Clear();
        var result = await TenantsApi.PutTenant(tenant, body, HttpContext, db, audit, yearly, pages, ct);
        if (result.Result is ProblemHttpResult problem)
        {
            Refuse(nameof(Deadline), MovementForm.Worded(problem, movement!, Deadline));
            return Page();
        }

        var stored = await db.Movements.AsNoTracking().SingleAsync(m => m.TenantCode == tenant && m.Code == movement!.Code, ct);
        TempData["Notice"] = $"Đã thêm phong trào {stored.Code}; {MovementDeadline.Next(stored, clock.GetCurrentInstant())}.";
        return Redirect(TenantModel.PathOf(tenant) + "#phong-trao");
    }

    private async Task<Tenant?> LoadAsync(string tenant, CancellationToken ct)
    {
        var found = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenant, ct);
        (Tenant, TenantName) = (tenant, found?.Name ?? tenant);
        return found;
    }
}
