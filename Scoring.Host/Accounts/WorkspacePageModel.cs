using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Scoring.Host.Accounts;

/// <summary>Base of the signed-in pages: who is acting, and the Vietnamese 403 and 404 pages for what they may not or cannot see.</summary>
public abstract class WorkspacePageModel : PageModel
{
    public const string ForbiddenView = "/Accounts/ForbiddenView.cshtml";

    internal Actor Actor => Actor.From(User);

    protected IActionResult Forbidden(string message) => View(ForbiddenView, message, "Không có quyền", StatusCodes.Status403Forbidden);

    protected IActionResult Missing(string message) => View(PublicPageModel.NotFoundView, message, "Không tìm thấy", StatusCodes.Status404NotFound);

    private ViewResult View(string name, string message, string title, int status)
    {
        var data = new ViewDataDictionary<string>(ViewData, message) { ["Title"] = title };
        return new ViewResult { ViewName = name, ViewData = data, StatusCode = status };
    }
}
