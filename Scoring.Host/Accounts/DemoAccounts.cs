using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Accounts;

/// <summary>
/// With the samples loaded (the README's first command), one account per role so a newcomer can sign in at once: an
/// administrator, and per sample tenant a rule maintainer, the secretariat of its first cluster/bloc of the latest year and
/// a unit of that group. Passwords are generated here and printed once; none is written in code or kept anywhere. They are
/// initial passwords (printed to a console others may read): the first sign-in asks for a new one.
/// </summary>
internal sealed class DemoAccounts(ScoringDbContext db, AccountService accounts, ILogger<DemoAccounts> logger)
{
    public async Task CreateAsync(IReadOnlyList<string> tenants, TextWriter output, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }

        var created = new List<(Account Account, string Password)>();
        await AddAsync(created, new NewAccount("quantri", "Quản trị viên (dùng thử)", new AccountScope(Roles.Administrator, null, null, []), null, MustChangePassword: true), ct);
        foreach (var tenant in tenants.Order(StringComparer.Ordinal))
        {
            var name = await db.Tenants.Where(t => t.Code == tenant).Select(t => t.Name).FirstAsync(ct);
            await AddAsync(created, new NewAccount($"canbo.{tenant}", $"Cán bộ quản lý bộ tiêu chí – {name}", new AccountScope(Roles.RuleMaintainer, tenant, null, []), null, MustChangePassword: true), ct);
            var year = await db.Groups.Where(g => g.TenantCode == tenant).MaxAsync(g => (int?)g.Year, ct);
            var group = year is null ? null : await db.Groups.Include(g => g.Members).Where(g => g.TenantCode == tenant && g.Year == year)
                .OrderBy(g => g.Code).FirstOrDefaultAsync(ct);
            if (group is null)
            {
                continue;
            }

            await AddAsync(created, new NewAccount($"thuky.{tenant}", $"Thư ký {group.Name}", new AccountScope(Roles.Secretariat, tenant, null, [group.Code]), null, MustChangePassword: true), ct);
            if (group.Members.Select(m => m.UnitCode).Order(StringComparer.Ordinal).FirstOrDefault() is { } unit)
            {
                var unitName = await db.Units.Where(u => u.TenantCode == tenant && u.Code == unit).Select(u => u.Name).FirstAsync(ct);
                await AddAsync(created, new NewAccount($"donvi.{tenant}", unitName, new AccountScope(Roles.Unit, tenant, unit, []), null, MustChangePassword: true), ct);
            }
        }

        output.WriteLine("Tài khoản dùng thử (mật khẩu chỉ in MỘT lần, hãy ghi lại; đăng nhập tại /dang-nhap):");
        foreach (var (account, password) in created)
        {
            output.WriteLine($"  {account.UserName,-22} {password}  {AccountRoles.Title(account.Role)}{Scope(account)}");
        }
    }

    private async Task AddAsync(List<(Account, string)> created, NewAccount request, CancellationToken ct)
    {
        var result = await accounts.CreateAsync("seed", request, ct);
        if (result.Succeeded)
        {
            created.Add((result.Account!, result.Password!));
        }
        else
        {
            logger.LogWarning("Demo account {User} not created: {Errors}", request.UserName, string.Join(" ", result.Errors));
        }
    }

    private static string Scope(Account account) =>
        (account.TenantCode is { } t ? $" – {t}" : "") + (account.UnitCode is { } u ? $", đơn vị {u}" : "") + (account.Groups is { } g ? $", cụm/khối {g}" : "");
}
