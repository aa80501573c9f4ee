using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scoring.Host.Accounts;

/// <summary>Where a signed-in person lands when their role may not open a page: the Vietnamese 403 page.</summary>
[AllowAnonymous]
internal sealed class ForbiddenModel : PageModel
{
    public string Message { get; private set; } = "";

    public void OnGet(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var page = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? $"trang “{returnUrl}”" : "trang này";
        Message = User.Identity?.IsAuthenticated == true
            ? $"Tài khoản của bạn không được mở {page}."
            : $"Bạn chưa đăng nhập nên không được mở {page}; hãy đăng nhập bằng tài khoản có quyền.";
    }
}
