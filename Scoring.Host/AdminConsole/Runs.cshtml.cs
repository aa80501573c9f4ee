using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Rules.Versions;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The runs of every tenant (or one), and the enqueueing of a tenant's year: one run over every group of the year with the
/// latest version of each of the tenant's rule sets that covers the year (the choice the yearly job makes), through
/// <see cref="RunService"/>, which makes the same run only once and audits it.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class RunsModel(ScoringDbContext db, RunService runs, PublishedRuleSets ruleSets, IClock clock) : ConsolePageModel
{
    public const string Path = Root + "/luot-cham";

    [BindProperty(SupportsGet = true, Name = "tinh")]
    public string? Tenant { get; set; }

    [BindProperty]
    public int Year { get; set; }

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public IReadOnlyList<(ScoringRun Run, RuleSetVersion RuleSet)> Runs { get; private set; } = [];

    public static string PathOf(long id) => $"{Path}/{id}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Year = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Code == Tenant, ct))
        {
            return await RefuseAsync("Hãy chọn một tỉnh/xã.", ct);
        }

        if (!await db.Groups.AnyAsync(g => g.TenantCode == Tenant && g.Year == Year, ct))
        {
            return await RefuseAsync($"Chưa có cụm/khối nào năm {Year} trong '{Tenant}'; hãy nhập cụm/khối trước khi chấm.", ct);
        }

        var latest = ruleSets.Latest(await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == Tenant).ToListAsync(ct), new RuleSetQuery(Year, Tenant));
        if (latest.Count == 0)
        {
            return await RefuseAsync($"Chưa có bộ tiêu chí đã công bố nào của '{Tenant}' áp dụng cho năm {Year}; không có gì để chấm.", ct);
        }

        var started = new List<(ScoringRun Run, bool Created)>();
        foreach (var version in latest.OrderBy(v => v.RuleSetId, StringComparer.Ordinal))
        {
            started.Add(await runs.EnqueueAsync(Tenant!, Year, [], version, AuditActor, ct));
        }

        TempData["Notice"] = string.Join(" ", started.Select(s => s.Created
            ? $"Đã đưa lượt chấm {s.Run.Id} vào hàng đợi."
            : $"Lượt chấm {s.Run.Id} với cùng bộ tiêu chí và cùng dữ liệu đã có; không tạo lại."));
        return Redirect(started.Count == 1 ? PathOf(started[0].Run.Id) : Path + "?tinh=" + Uri.EscapeDataString(Tenant!));
    }

    private async Task<IActionResult> RefuseAsync(string error, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, error);
        TempData["Error"] = error;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var query = db.ScoringRuns.AsNoTracking();
        if (!string.IsNullOrEmpty(Tenant))
        {
            query = query.Where(r => r.TenantCode == Tenant);
        }

        var found = await query.OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        var versions = await db.RuleSetVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, ct);
        Runs = found.Select(r => (r, versions[r.RuleSetVersionId])).ToList();
    }
}
