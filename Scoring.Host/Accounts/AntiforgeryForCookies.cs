using Microsoft.AspNetCore.Antiforgery;

namespace Scoring.Host.Accounts;

/// <summary>
/// A signed-in page may call the API with its cookie; such a call that changes something must carry the page's antiforgery
/// token (header <see cref="HeaderName"/> or the form field), or another site could make the browser send it. Calls with a
/// bearer token are not sent by browsers on their own and need none. A refusal is a Vietnamese 400 ProblemDetails.
/// </summary>
internal sealed class AntiforgeryForCookies(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        if (unsafeMethod && request.Path.StartsWithSegments("/api") && request.Headers.Authorization.Count == 0
            && context.User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(context))
        {
            await Problems.BadRequest("Yêu cầu từ trang đã đăng nhập thiếu mã chống giả mạo (antiforgery) hoặc mã đã hết hạn: hãy tải lại trang rồi thử lại.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
