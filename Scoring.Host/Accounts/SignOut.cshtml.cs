using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scoring.Host.Accounts;

/// <summary>Sign-out is a POST (with antiforgery), so a link on another site cannot sign a person out.</summary>
[AllowAnonymous]
internal sealed class SignOutModel(SignInManager<Account> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(AccountsExtensions.SignInPath);
    }
}
