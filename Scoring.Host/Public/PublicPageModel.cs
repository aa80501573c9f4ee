using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Scoring.Host.Public;

/// <summary>Base of the public pages: a friendly Vietnamese 404 page for unknown or unpublished things.</summary>
public abstract class PublicPageModel : PageModel
{
    public const string NotFoundView = "/Public/NotFound.cshtml";

    protected IActionResult Missing(string message)
    {
        var data = new ViewDataDictionary<string>(ViewData, message) { ["Title"] = "Không tìm thấy" };
        return new ViewResult { ViewName = NotFoundView, ViewData = data, StatusCode = StatusCodes.Status404NotFound };
    }
}
