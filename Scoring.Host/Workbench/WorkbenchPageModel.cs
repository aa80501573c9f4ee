using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Workbench;

/// <summary>
/// Base of the workbench's pages: signed in, and then only rule maintainers (of the tenant at hand) and administrators;
/// a secretariat, a unit or a maintainer of another tenant gets the Vietnamese 403 page.
/// </summary>
[Authorize(Policies.Authenticated)]
internal abstract class WorkbenchPageModel : WorkspacePageModel
{
    public const string ForMaintainers = "Bàn làm việc bộ tiêu chí dành cho cán bộ quản lý bộ tiêu chí và quản trị viên.";

    /// <summary>Null when the actor may work on rule sets at all, else the 403 page.</summary>
    protected IActionResult? RefuseNonMaintainer() => Actor.IsRuleMaintainer ? null : Forbidden(ForMaintainers);

    /// <summary>Null when the actor maintains <paramref name="tenant"/>'s rule sets, else the 403 page naming it.</summary>
    protected IActionResult? RefuseOutside(string tenant) =>
        RuleSetDrafts.CanMaintain(Actor, tenant) ? null
            : Actor.IsRuleMaintainer ? Forbidden($"Bạn không quản lý bộ tiêu chí của '{tenant}'.") : Forbidden(ForMaintainers);

    /// <summary>The notice or error a redirect carried.</summary>
    public string? Notice => TempData["Notice"] as string;

    public string? ErrorNotice => TempData["Error"] as string;
}
