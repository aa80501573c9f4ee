using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Creates a tenant's accounts in one action (one per unit still valid in the year, one secretariat per cluster/bloc of the
/// year) and answers the printable A4 sheet of their initial passwords.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class BulkAccountsModel(AccountDirectory directory, ScoringDbContext db, IClock clock) : ConsolePageModel
{
    [BindProperty]
    public string? Tenant { get; set; }

    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public bool Units { get; set; } = true;

    [BindProperty]
    public bool Secretariats { get; set; } = true;

    public string? Error { get; private set; }

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        Year = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        if (Tenants.All(t => t.Code != Tenant))
        {
            Error = "Hãy chọn một tỉnh/xã.";
            return Page();
        }

        if (!Units && !Secretariats)
        {
            Error = "Hãy chọn ít nhất một loại tài khoản: đơn vị hoặc thư ký cụm/khối.";
            return Page();
        }

        if (Year is < 2000 or > 2100)
        {
            Error = $"Năm {Year} không hợp lệ; hãy nhập năm dạng yyyy, ví dụ 2025.";
            return Page();
        }

        var sheet = await directory.CreateForTenantAsync(AuditActor, Tenant!, Year, Units, Secretariats, ct);
        return AccountsModel.Sheet(this, sheet);
    }
}
