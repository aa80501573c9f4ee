using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Base of the administrators' console pages: every handler (GET and POST) of a page deriving from it answers the Vietnamese
/// 403 page to anyone but an administrator, so no console page or action can forget the check.
/// </summary>
[Authorize(Policies.Authenticated)]
public abstract class ConsolePageModel : WorkspacePageModel
{
    public const string Root = "/quan-tri";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Actor.IsAdministrator)
        {
            context.Result = Forbidden($"Bảng điều khiển quản trị chỉ dành cho quản trị viên; tài khoản của bạn là {AccountRoles.Title(Actor.Role).ToLowerInvariant()}.");
            return;
        }

        await next();
    }

    /// <summary>How the administrator appears in the audit log, as the API writes it.</summary>
    internal string AuditActor => AuditTrail.Describe(Actor);
}
