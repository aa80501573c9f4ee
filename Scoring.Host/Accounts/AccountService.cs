using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Accounts;

/// <summary>
/// Every change to an account (create, reset, disable, enable, change password) goes through here: the scope is checked
/// against the tenant's units and groups, and the change and its audit entry are written in one transaction. The audit
/// snapshot never holds a password or its hash, only that it was set and when.
/// </summary>
internal sealed class AccountService(ScoringDbContext db, UserManager<Account> users, AuditTrail audit, IClock clock)
{
    public async Task<AccountResult> CreateAsync(string actor, NewAccount request, CancellationToken ct)
    {
        if (request.Scope.Problem() is { } problem)
        {
            return AccountResult.Failed(problem);
        }

        if (await ScopeProblemAsync(request.Scope, ct) is { } missing)
        {
            return AccountResult.Failed(missing);
        }

        var password = request.Password ?? PasswordGenerator.Next();
        var account = new Account
        {
            UserName = request.UserName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName.Trim() : request.DisplayName.Trim(),
            Role = request.Scope.Role,
            TenantCode = request.Scope.Tenant,
            UnitCode = request.Scope.Role == Roles.Unit ? request.Scope.Unit : null,
            Groups = request.Scope.Role == Roles.Secretariat ? request.Scope.GroupList : null,
            MustChangePassword = request.MustChangePassword,
            CreatedAt = clock.GetCurrentInstant(),
            LockoutEnabled = true,
        };
        return await InTransactionAsync(actor, "account.create", account, null, () => users.CreateAsync(account, password), password, ct);
    }

    /// <summary>
    /// A new password, generated or given (from the command line); either way someone else set it, so the person must change
    /// it at the next sign-in. A lockout is lifted; a disabled account stays disabled.
    /// </summary>
    public async Task<AccountResult> ResetPasswordAsync(string actor, Account account, string? password, CancellationToken ct)
    {
        var before = Snapshot(account);
        var newPassword = password ?? PasswordGenerator.Next();
        return await InTransactionAsync(actor, "account.reset-password", account, before, async () =>
        {
            foreach (var validator in users.PasswordValidators)
            {
                if (await validator.ValidateAsync(users, account, newPassword) is { Succeeded: false } refused)
                {
                    return refused;
                }
            }

            account.MustChangePassword = true;
            account.AccessFailedCount = 0;
            account.LockoutEnd = account.Disabled ? DateTimeOffset.MaxValue : null;
            await users.RemovePasswordAsync(account);
            return await users.AddPasswordAsync(account, newPassword);
        }, newPassword, ct);
    }

    public async Task<AccountResult> ChangePasswordAsync(Account account, string current, string next, CancellationToken ct)
    {
        var before = Snapshot(account);
        return await InTransactionAsync(AccountActor(account), "account.change-password", account, before, async () =>
        {
            account.MustChangePassword = false;
            return await users.ChangePasswordAsync(account, current, next);
        }, null, ct);
    }

    /// <summary>Disabling ends the account's sessions (new security stamp) and refuses its sign-ins; enabling lifts both.</summary>
    public async Task<AccountResult> SetDisabledAsync(string actor, Account account, bool disabled, CancellationToken ct)
    {
        var before = Snapshot(account);
        return await InTransactionAsync(actor, disabled ? "account.disable" : "account.enable", account, before, async () =>
        {
            account.Disabled = disabled;
            account.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
            account.AccessFailedCount = 0;
            var updated = await users.UpdateAsync(account);
            return updated.Succeeded ? await users.UpdateSecurityStampAsync(account) : updated;
        }, null, ct);
    }

    public Task<Account?> FindAsync(string userName) => users.FindByNameAsync(userName);

    /// <summary>How an account appears as the actor of its own changes in the audit log (as <see cref="AuditTrail.Describe"/> does for tokens).</summary>
    public static string AccountActor(Account account) => $"{account.UserName} ({account.Role})";

    private async Task<string?> ScopeProblemAsync(AccountScope scope, CancellationToken ct)
    {
        if (scope.Tenant is null)
        {
            return null;
        }

        if (!await db.Tenants.AnyAsync(t => t.Code == scope.Tenant, ct))
        {
            return $"Không có tỉnh/xã '{scope.Tenant}'.";
        }

        if (scope.Role == Roles.Unit && !await db.Units.AnyAsync(u => u.TenantCode == scope.Tenant && u.Code == scope.Unit, ct))
        {
            return $"Không có đơn vị '{scope.Unit}' trong '{scope.Tenant}'.";
        }

        if (scope.Role == Roles.Secretariat)
        {
            var groups = scope.Groups.ToList();
            var known = await db.Groups.Where(g => g.TenantCode == scope.Tenant && groups.Contains(g.Code)).Select(g => g.Code).Distinct().ToListAsync(ct);
            var unknown = groups.Except(known, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return $"Không có cụm/khối {string.Join(", ", unknown.Select(g => $"'{g}'"))} trong '{scope.Tenant}'.";
            }
        }

        return null;
    }

    private async Task<AccountResult> InTransactionAsync(string actor, string action, Account account, object? before,
        Func<Task<IdentityResult>> change, string? password, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await change();
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return AccountResult.Failed([.. result.Errors.Select(e => e.Description)]);
        }

        audit.Record(db, actor, action, "account", account.UserName!, before, Snapshot(account));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AccountResult(account, password, []);
    }

    /// <summary>The account as the audit log hashes it: what it may do and its state, never a password or its hash.</summary>
    private static object Snapshot(Account account) => new
    {
        userName = account.UserName,
        account.DisplayName,
        account.Role,
        tenant = account.TenantCode,
        unit = account.UnitCode,
        groups = account.Groups,
        account.Disabled,
        account.MustChangePassword,
    };
}
