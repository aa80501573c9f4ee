using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Public;

/// <summary>Any other path outside the API: the friendly 404 page (API paths keep their ProblemDetails answers).</summary>
public sealed class MissingModel : PublicPageModel
{
    public IActionResult OnGet(string path) => Missing($"Không có trang “/{path}”.");
}
