using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// Rank sensitivity of a completed run (its frozen inputs, its pinned rule-set version), as the API's
/// <c>GET /api/runs/{id}/sensitivity</c> decides who may ask: administrators, the tenant's rule maintainers, and the
/// secretariats of the run's groups, who see their own groups only. Units and other tenants get the 403 page.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class RunSensitivityModel(ScoringDbContext db, SensitivityAnalyses analyses) : WorkspacePageModel
{
    public const string ForStaff = "Phân tích độ nhạy của lượt chấm dành cho quản trị viên, cán bộ quản lý bộ tiêu chí của tỉnh và thư ký cụm/khối của lượt chấm.";

    [FromRoute]
    public long Id { get; set; }

    [BindProperty(Name = "bien-do")]
    public string? Spread { get; set; }

    [BindProperty(Name = "so-lan")]
    public string? Samples { get; set; }

    [BindProperty(Name = "hat-giong")]
    public string? Seed { get; set; }

    public ScoringRun Run { get; private set; } = null!;

    public RuleSetVersion RuleSet { get; private set; } = null!;

    /// <summary>The secretariat's own groups of the run (the page shows only those); null for everyone else.</summary>
    public IReadOnlyList<string>? OwnGroups { get; private set; }

    public SensitivityForm Form { get; private set; } = SensitivityForm.Default;

    public SensitivityView? Result { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Where the page leads back to: the run's page of the actor's workspace.</summary>
    public string BackPath => Actor.IsAdministrator ? AdminConsole.RunsModel.PathOf(Run.Id)
        : OwnGroups is [var group, ..] ? Secretariat.RunModel.PathOf(Run.Id, group)
        : "/lam-viec";

    public bool Completed => Run.Status == RunStatus.Completed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (!Completed)
        {
            return Page();
        }

        (var parameters, Form) = new SensitivityForm(Spread ?? "", Samples ?? "", Seed ?? "").Read();
        if (parameters is null)
        {
            return Page();
        }

        var outcome = await analyses.ForRunAsync(Run, RuleSet, parameters, OwnGroups, ct);
        Problem = outcome.Problem;
        Result = outcome.Report is { } report ? new SensitivityView(report, outcome.AwardTitles) : null;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Actor.Role is not (Roles.Administrator or Roles.RuleMaintainer or Roles.Secretariat))
        {
            return Forbidden(ForStaff);
        }
        if (await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct) is not { } run)
        {
            return Missing($"Không có lượt chấm {Id}.");
        }
        if (!await AccessGuard.CanReadRunAsync(db, Actor, run, ct))
        {
            return Forbidden($"Lượt chấm {Id} không thuộc phạm vi của bạn (đơn vị chủ quản hoặc cụm/khối).");
        }
        Run = run;
        RuleSet = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        OwnGroups = Actor.IsSecretariat ? await AccessGuard.OwnGroupsOfRunAsync(db, Actor, run, ct) : null;
        return null;
    }
}
