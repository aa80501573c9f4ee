using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Creates a tenant with its first movement (code, title, plan, yearly report deadline typed dd/MM in Asia/Ho_Chi_Minh)
/// through the API's own tenant handler (<see cref="TenantsApi.PutTenant"/>: one write, the yearly scoring scheduled,
/// audited). Each refusal is shown beside its field and nothing is written; an existing code is refused, never replaced.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class NewTenantModel(ScoringDbContext db, AuditTrail audit, YearlySchedule yearly, IOutputCacheStore pages, IClock clock) : ConsoleFormModel
{
    public const string Path = Root + "/tinh-moi";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? MovementCode { get; set; }

    [BindProperty]
    public string? MovementTitle { get; set; }

    [BindProperty]
    public string? Plan { get; set; }

    [BindProperty]
    public string? Deadline { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = Code?.Trim() ?? "";
        if (!TenantCode.IsValid(code))
        {
            Refuse(nameof(Code), code.Length == 0 ? "Hãy nhập mã tỉnh/xã, ví dụ son-la." : $"Mã “{code}” không dùng được: mã {TenantCode.Rule}");
        }
        else if (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct) is { } existing)
        {
            Refuse(nameof(Code), $"Đã có tỉnh/xã mã {code} ({existing.Name}); mở trang của tỉnh/xã đó để sửa, hoặc chọn mã khác.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Refuse(nameof(Name), "Hãy nhập tên tỉnh/xã, ví dụ Tỉnh Sơn La.");
        }

        var movement = MovementForm.Read(this, MovementCode, MovementTitle, Plan, Deadline);
        if (IsRefused)
        {
            return Page();
        }

        var body = new TenantDto(code, Name!.Trim(), [movement!]);
        db.ChangeTracker.Clear();
        var result = await TenantsApi.PutTenant(code, body, HttpContext, db, audit, yearly, pages, ct);
        if (result.Result is ProblemHttpResult problem)
        {
            // The form's own checks leave only the deadline's day for the API to refuse (29/02 is no yearly day).
            Refuse(nameof(Deadline), MovementForm.Worded(problem, movement!, Deadline));
            return Page();
        }

        var stored = await db.Movements.AsNoTracking().SingleAsync(m => m.TenantCode == code && m.Code == movement!.Code, ct);
        TempData["Notice"] = $"Đã tạo {body.Name} với phong trào {stored.Code}; {MovementDeadline.Next(stored, clock.GetCurrentInstant())}.";
        return Redirect(TenantModel.PathOf(code));
    }
}
