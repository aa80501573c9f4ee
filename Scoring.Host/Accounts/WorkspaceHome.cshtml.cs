using Microsoft.AspNetCore.Authorization;

namespace Scoring.Host.Accounts;

/// <summary>The signed-in person's start page: who they are, and the workspaces their role opens.</summary>
[Authorize(Policy = Policies.Authenticated)]
internal sealed class WorkspaceHomeModel : WorkspacePageModel
{
    public const string Path = "/lam-viec";

    public string DisplayName => User.FindFirst(ClaimNames.Subject)?.Value ?? "";

    public IReadOnlyList<WorkspaceLink> Links { get; private set; } = [];

    public void OnGet()
    {
        var links = new List<WorkspaceLink>();
        if (Actor.Role == Roles.Unit && Actor.Tenant is { } tenant && Actor.Unit is { } unit)
        {
            links.Add(new WorkspaceLink(UnitWorkspacePaths.Report(tenant, unit), "Báo cáo thi đua của đơn vị"));
        }

        if (Actor.IsSecretariat)
        {
            links.Add(new WorkspaceLink(Secretariat.IndexModel.Path, "Hồ sơ, thẩm định và chấm điểm cụm/khối"));
        }

        if (Actor.IsAppraiser || Actor.IsAdministrator)
        {
            links.Add(new WorkspaceLink(Council.CouncilPaths.Index, "Thẩm định đề nghị khen thưởng, quyết định của Hội đồng, thu hồi"));
        }

        if (Actor.IsRuleMaintainer)
        {
            links.Add(new WorkspaceLink(Workbench.WorkbenchPaths.Index, "Bàn làm việc bộ tiêu chí: soạn, kiểm tra, chấm thử và công bố"));
        }

        if (Actor.IsAdministrator)
        {
            links.Add(new WorkspaceLink(AdminConsole.IndexModel.Path, "Bảng điều khiển quản trị: tài khoản, nhập dữ liệu, lượt chấm, nhật ký"));
        }

        links.Add(new WorkspaceLink("/bo-tieu-chi", "Bộ tiêu chí đã công bố"));
        Links = links;
    }
}
