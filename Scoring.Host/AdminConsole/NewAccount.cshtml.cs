using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>Creates one account with a generated initial password (shown once on a sheet) through <see cref="AccountService"/>.</summary>
[Authorize(Policies.Authenticated)]
internal sealed class NewAccountModel(AccountService accounts, ScoringDbContext db, IClock clock) : ConsolePageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Tenant { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Groups { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrWhiteSpace(Role))
        {
            Errors = ["Hãy nhập tên đăng nhập và chọn vai trò."];
            return Page();
        }

        var scope = new AccountScope(Role, Blank(Tenant), Role == Roles.Unit ? Blank(Unit) : null,
            Role == Roles.Secretariat ? AccountScope.SplitGroups(Groups) : []);
        var result = await accounts.CreateAsync(AuditActor, new NewAccount(UserName.Trim(), DisplayName ?? "", scope, null, MustChangePassword: true), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        var account = result.Account!;
        var tenantName = Tenants.FirstOrDefault(t => t.Code == account.TenantCode)?.Name;
        return AccountsModel.Sheet(this, new PasswordSheet($"Tài khoản mới {account.UserName}", tenantName,
            [new IssuedPassword(account.UserName!, account.DisplayName, account.Role, account.TenantCode, AccountsModel.ScopeOf(account), result.Password!)], [],
            clock.GetCurrentInstant()));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
