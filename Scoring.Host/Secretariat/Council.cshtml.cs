using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Secretariat;

/// <summary>
/// The print-ready A4 document for the emulation council: ranking, award proposals (ties at the cut flagged for a vote),
/// the rule set's id, version and SHA-256, the run and inputs hashes, and signature blocks.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class CouncilModel(SecretariatService secretariat) : WorkspacePageModel
{
    public CouncilResult Result { get; private set; } = null!;

    public string Today { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, string group, [FromServices] NodaTime.IClock clock, CancellationToken ct)
    {
        var (found, status, error) = await secretariat.FindRunAsync(Actor, id, group, ct);
        if (found is not { } run)
        {
            return status == StatusCodes.Status403Forbidden ? Forbidden(error!) : Missing(error!);
        }

        if (run.Status != RunStatus.Completed)
        {
            return Missing($"Lượt chấm {id} chưa chấm xong; chưa có văn bản để in.");
        }

        Result = await secretariat.ResultAsync(run, group, ct);
        var today = clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date;
        Today = $"ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}";
        return Page();
    }
}
