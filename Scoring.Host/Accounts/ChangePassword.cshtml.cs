using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scoring.Host.Accounts;

/// <summary>Change one's own password; required before anything else while the initial password is in use.</summary>
[Authorize(Policy = Policies.Authenticated)]
internal sealed class ChangePasswordModel(UserManager<Account> users, SignInManager<Account> signIn, AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool MustChange => User.HasClaim(c => c.Type == AccountClaimsFactory.MustChangePassword);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? next, string? confirm, CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return LocalRedirect(AccountsExtensions.SignInPath);
        }

        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            Errors = ["Hãy nhập mật khẩu hiện tại và mật khẩu mới."];
            return Page();
        }

        if (next != confirm)
        {
            Errors = ["Hai lần nhập mật khẩu mới không giống nhau."];
            return Page();
        }

        if (next == current)
        {
            Errors = ["Mật khẩu mới phải khác mật khẩu hiện tại."];
            return Page();
        }

        var result = await accounts.ChangePasswordAsync(account, current, next, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        await signIn.RefreshSignInAsync(account);
        TempData["Notice"] = "Đã đổi mật khẩu.";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : WorkspaceHomeModel.Path);
    }
}
