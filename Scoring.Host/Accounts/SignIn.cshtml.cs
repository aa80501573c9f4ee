using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scoring.Host.Accounts;

/// <summary>Sign-in with a user name and password; repeated failures lock the account for a while.</summary>
[AllowAnonymous]
internal sealed class SignInModel(SignInManager<Account> signIn, UserManager<Account> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Next()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Hãy nhập tên đăng nhập và mật khẩu.";
            return Page();
        }

        var account = await users.FindByNameAsync(UserName.Trim());
        if (account is { Disabled: true })
        {
            Error = "Tài khoản này đã bị quản trị viên khóa. Hãy liên hệ quản trị viên của tỉnh/xã.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = $"Tài khoản tạm khóa vì nhập sai mật khẩu {AccountsExtensions.MaxFailedSignIns} lần liên tiếp. "
                + $"Hãy thử lại sau {AccountsExtensions.LockoutMinutes} phút, hoặc nhờ quản trị viên đặt lại mật khẩu.";
            return Page();
        }

        if (!result.Succeeded)
        {
            Error = "Tên đăng nhập hoặc mật khẩu không đúng.";
            return Page();
        }

        return account!.MustChangePassword
            ? LocalRedirect($"{AccountsExtensions.ChangePasswordPath}?returnUrl={Uri.EscapeDataString(Next())}")
            : LocalRedirect(Next());
    }

    private string Next() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : WorkspaceHomeModel.Path;
}
