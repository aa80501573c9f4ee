using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Accounts by tenant and role, with the administrator's actions on one account: reset its password (a new initial
/// password, shown once on a sheet, to be changed at the next sign-in), disable it (it cannot sign in and its open
/// sessions end) or enable it again. Every action goes through <see cref="AccountService"/>, which audits it.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class AccountsModel(AccountDirectory directory, AccountService accounts, ScoringDbContext db, IClock clock) : ConsolePageModel
{
    public const string Path = Root + "/tai-khoan";

    [BindProperty(SupportsGet = true, Name = "tinh")]
    public string? Tenant { get; set; }

    [BindProperty(SupportsGet = true, Name = "vaiTro")]
    public string? Role { get; set; }

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        Accounts = await directory.ListAsync(Tenant, AccountRoles.Names.Contains(Role) ? Role : null, ct);
    }

    public async Task<IActionResult> OnPostResetAsync(string userName, CancellationToken ct)
    {
        if (await accounts.FindAsync(userName ?? "") is not { } account)
        {
            return Missing($"Không có tài khoản '{userName}'.");
        }

        var result = await accounts.ResetPasswordAsync(AuditActor, account, null, ct);
        if (!result.Succeeded)
        {
            TempData["Error"] = $"Chưa đặt lại được mật khẩu của {userName}: {string.Join(" ", result.Errors)}";
            return Redirect(Back());
        }

        var tenantName = account.TenantCode is { } t ? await db.Tenants.AsNoTracking().Where(x => x.Code == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return Sheet(this, new PasswordSheet($"Mật khẩu mới của tài khoản {account.UserName}", tenantName,
            [new IssuedPassword(account.UserName!, account.DisplayName, account.Role, account.TenantCode, ScopeOf(account), result.Password!)], [],
            clock.GetCurrentInstant()));
    }

    public Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken ct) => SetDisabledAsync(userName, true, ct);

    public Task<IActionResult> OnPostEnableAsync(string userName, CancellationToken ct) => SetDisabledAsync(userName, false, ct);

    /// <summary>The sheet as the answer to the action that made its passwords: never cached, so the passwords are shown this once.</summary>
    internal static IActionResult Sheet(ConsolePageModel page, PasswordSheet sheet)
    {
        page.Response.Headers.CacheControl = "no-store";
        return new ViewResult { ViewName = PasswordSheet.View, ViewData = new ViewDataDictionary<PasswordSheet>(page.ViewData, sheet) { ["Title"] = sheet.Title } };
    }

    internal static string ScopeOf(Account account) =>
        (account.UnitCode is { } u ? $"đơn vị {u}" : "") + (account.Groups is { } g ? $"cụm/khối {g.Replace(",", ", ", StringComparison.Ordinal)}" : "");

    private async Task<IActionResult> SetDisabledAsync(string userName, bool disabled, CancellationToken ct)
    {
        if (await accounts.FindAsync(userName ?? "") is not { } account)
        {
            return Missing($"Không có tài khoản '{userName}'.");
        }

        if (disabled && string.Equals(account.UserName, Actor.Name, StringComparison.Ordinal))
        {
            TempData["Error"] = "Bạn không thể tự vô hiệu hóa tài khoản đang dùng; hãy nhờ một quản trị viên khác.";
            return Redirect(Back());
        }

        var result = await accounts.SetDisabledAsync(AuditActor, account, disabled, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = disabled
                ? $"Đã vô hiệu hóa tài khoản {userName}: không đăng nhập được nữa, phiên đang mở sẽ kết thúc."
                : $"Đã kích hoạt lại tài khoản {userName}.";
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors);
        }

        return Redirect(Back());
    }

    private string Back()
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Tenant))
        {
            query.Add("tinh=" + Uri.EscapeDataString(Tenant));
        }

        if (!string.IsNullOrEmpty(Role))
        {
            query.Add("vaiTro=" + Uri.EscapeDataString(Role));
        }

        return query.Count == 0 ? Path : Path + "?" + string.Join("&", query);
    }
}
