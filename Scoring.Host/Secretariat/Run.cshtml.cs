using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Secretariat;

/// <summary>
/// A run of the secretariat's group: its progress while it runs (the page refreshes itself), then the ranking with grades,
/// last year's comparison, the award proposals, charts, and the links to the workbook and the council document.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class RunModel(SecretariatService secretariat) : WorkspacePageModel
{
    /// <summary>Seconds between refreshes while the run is queued or running.</summary>
    public const int RefreshSeconds = 2;

    public ScoringRun Run { get; private set; } = null!;

    public string Group { get; private set; } = "";

    public CouncilResult? Result { get; private set; }

    public static string PathOf(long run, string group) => $"/thu-ky/luot-cham/{run}/{group}";

    public async Task<IActionResult> OnGetAsync(long id, string group, CancellationToken ct)
    {
        var (found, status, error) = await secretariat.FindRunAsync(Actor, id, group, ct);
        if (found is not { } run)
        {
            return status == StatusCodes.Status403Forbidden ? Forbidden(error!) : Missing(error!);
        }

        Run = run;
        Group = group;
        if (run.Status is RunStatus.Queued or RunStatus.Running)
        {
            // A plain refresh rather than a script: the page stays usable without JavaScript and loads nothing from outside.
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (run.Status == RunStatus.Completed)
        {
            Result = await secretariat.ResultAsync(run, group, ct);
        }

        return Page();
    }
}
