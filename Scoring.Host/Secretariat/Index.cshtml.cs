using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Secretariat;

/// <summary>The secretariat's start: its clusters/blocs by year, each opening the board of reports.</summary>
[Authorize(Policies.Authenticated)]
internal sealed class IndexModel(SecretariatService secretariat) : WorkspacePageModel
{
    public const string Path = "/thu-ky";

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsSecretariat)
        {
            return Forbidden("Trang này dành cho thư ký cụm/khối thi đua.");
        }

        Groups = await secretariat.OwnGroupsAsync(Actor, ct);
        return Page();
    }
}
