using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The console's reading of accounts (by tenant and role) and its bulk creation for a tenant: one account per unit still
/// valid in the year and one secretariat account per cluster/bloc of the year, each created by <see cref="AccountService"/>
/// (scope checked, audited) with a generated initial password that must be changed at the first sign-in.
/// </summary>
internal sealed class AccountDirectory(ScoringDbContext db, AccountService accounts, IClock clock)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync(string? tenant, string? role, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(tenant))
        {
            query = query.Where(a => a.TenantCode == tenant);
        }

        if (!string.IsNullOrEmpty(role))
        {
            query = query.Where(a => a.Role == role);
        }

        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        var found = await query.ToListAsync(ct);
        return found.OrderBy(a => a.TenantCode ?? "", StringComparer.Ordinal).ThenBy(a => Array.IndexOf(AccountRoles.Names, a.Role))
            .ThenBy(a => a.UserName, StringComparer.Ordinal)
            .Select(a => new AccountRow(a.UserName!, a.DisplayName, a.Role, a.TenantCode, a.UnitCode, a.Groups, a.Disabled, a.MustChangePassword,
                !a.Disabled && a.LockoutEnd is { } end && end > now, a.CreatedAt))
            .ToList();
    }

    /// <summary>The user name a bulk creation gives a unit's account: the unit code and the tenant, in lower case.</summary>
    public static string UnitUserName(string tenant, string unit) => $"{unit}.{tenant}".ToLowerInvariant();

    /// <summary>The user name a bulk creation gives a group's secretariat.</summary>
    public static string SecretariatUserName(string tenant, string group) => $"thuky.{group}.{tenant}".ToLowerInvariant();

    /// <summary>
    /// Creates the tenant's accounts for the year; an account that exists already (same user name, or the unit's or group's
    /// account under another name) is skipped and named, never changed.
    /// </summary>
    public async Task<PasswordSheet> CreateForTenantAsync(string actor, string tenant, int year, bool units, bool secretariats, CancellationToken ct)
    {
        var tenantName = await db.Tenants.AsNoTracking().Where(t => t.Code == tenant).Select(t => t.Name).FirstAsync(ct);
        var existing = await db.Users.AsNoTracking().Where(a => a.TenantCode == tenant).Select(a => new { a.UserName, a.Role, a.UnitCode, a.Groups }).ToListAsync(ct);
        var issued = new List<IssuedPassword>();
        var skipped = new List<string>();
        if (units)
        {
            var firstDay = new LocalDate(year, 1, 1);
            var valid = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant && (u.ValidTo == null || u.ValidTo >= firstDay))
                .OrderBy(u => u.Code).ToListAsync(ct);
            foreach (var unit in valid)
            {
                var userName = UnitUserName(tenant, unit.Code);
                if (existing.FirstOrDefault(a => a.Role == Roles.Unit && a.UnitCode == unit.Code) is { } had)
                {
                    skipped.Add($"{unit.Name} ({unit.Code}): đã có tài khoản {had.UserName}.");
                    continue;
                }

                await CreateAsync(actor, new NewAccount(userName, unit.Name, new AccountScope(Roles.Unit, tenant, unit.Code, []), null, MustChangePassword: true),
                    $"đơn vị {unit.Code}", issued, skipped, ct);
            }
        }

        if (secretariats)
        {
            var groups = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && g.Year == year).OrderBy(g => g.Code).ToListAsync(ct);
            foreach (var group in groups)
            {
                if (existing.FirstOrDefault(a => a.Role == Roles.Secretariat && AccountScope.SplitGroups(a.Groups).Contains(group.Code)) is { } had)
                {
                    skipped.Add($"{group.Name} ({group.Code}): đã có tài khoản thư ký {had.UserName}.");
                    continue;
                }

                await CreateAsync(actor, new NewAccount(SecretariatUserName(tenant, group.Code), $"Thư ký {group.Name}",
                    new AccountScope(Roles.Secretariat, tenant, null, [group.Code]), null, MustChangePassword: true), $"cụm/khối {group.Code}", issued, skipped, ct);
            }
        }

        return new PasswordSheet($"Tài khoản ban đầu – {tenantName}, năm {year}", tenantName, issued, skipped, clock.GetCurrentInstant());
    }

    private async Task CreateAsync(string actor, NewAccount request, string scope, List<IssuedPassword> issued, List<string> skipped, CancellationToken ct)
    {
        if (await accounts.FindAsync(request.UserName) is not null)
        {
            skipped.Add($"{request.DisplayName}: tên đăng nhập {request.UserName} đã có.");
            return;
        }

        var result = await accounts.CreateAsync(actor, request, ct);
        if (result.Succeeded)
        {
            issued.Add(new IssuedPassword(request.UserName, request.DisplayName, request.Scope.Role, request.Scope.Tenant, scope, result.Password!));
        }
        else
        {
            skipped.Add($"{request.DisplayName}: {string.Join(" ", result.Errors)}");
        }
    }
}
