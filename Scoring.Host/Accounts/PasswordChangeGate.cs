namespace Scoring.Host.Accounts;

/// <summary>
/// An account still holding an initial (or reset) password may only change it or sign out: every page sends it to
/// <c>/doi-mat-khau</c>, and the API refuses its cookie calls with a 403 that says why.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    private static readonly string[] Open = [AccountsExtensions.ChangePasswordPath, AccountsExtensions.SignOutPath, AccountsExtensions.SignInPath, "/css", "/js", "/health", "/ready"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.User.HasClaim(c => c.Type == AccountClaimsFactory.MustChangePassword) && request.Headers.Authorization.Count == 0
            && !Open.Any(p => request.Path.StartsWithSegments(p)))
        {
            if (request.Path.StartsWithSegments("/api"))
            {
                await Problems.Forbidden("Tài khoản đang dùng mật khẩu ban đầu: hãy đổi mật khẩu tại /doi-mat-khau trước.").ExecuteAsync(context);
                return;
            }

            context.Response.Redirect($"{AccountsExtensions.ChangePasswordPath}?returnUrl={Uri.EscapeDataString(request.Path + request.QueryString)}");
            return;
        }

        await next(context);
    }
}
