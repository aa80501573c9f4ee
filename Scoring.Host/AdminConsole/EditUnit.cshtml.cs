using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Changes one unit's name, kind, validity and successor through <see cref="UnitService.UpdateAsync"/> (the API's rules:
/// known kind, dates, an existing successor valid on the day after this unit ends, no cycle; audited). Dates are typed
/// dd/MM/yyyy. Each refusal is shown beside the field it concerns (the service names it) and nothing is written.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class EditUnitModel(ScoringDbContext db, UnitService units) : ConsoleFormModel
{
    private static readonly LocalDatePattern VietnameseDate = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    public string Tenant { get; private set; } = "";

    public string Code { get; private set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? ValidFrom { get; set; }

    [BindProperty]
    public string? ValidTo { get; set; }

    [BindProperty]
    public string? Successor { get; set; }

    /// <summary>A refusal that concerns no single field.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, string code, CancellationToken ct)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.TenantCode == tenant && u.Code == code, ct) is not { } unit)
        {
            return Missing($"Không có đơn vị '{code}' trong '{tenant}'.");
        }

        (Tenant, Code, Name, Kind, Successor) = (tenant, code, unit.Name, unit.Kind, unit.SuccessorCode);
        ValidFrom = unit.ValidFrom is { } f ? VietnameseDate.Format(f) : null;
        ValidTo = unit.ValidTo is { } t ? VietnameseDate.Format(t) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tenant, string code, CancellationToken ct)
    {
        (Tenant, Code) = (tenant, code);
        var from = Iso(ValidFrom, nameof(ValidFrom), "Hiệu lực từ");
        var to = Iso(ValidTo, nameof(ValidTo), "Hiệu lực đến");
        if (IsRefused)
        {
            return Page();
        }

        var result = await units.UpdateAsync(tenant, code, new UnitDto(code, Name?.Trim() ?? "", Kind ?? "", from, to,
            string.IsNullOrWhiteSpace(Successor) ? null : Successor.Trim()), Actor, ct);
        if (result.Result is ProblemHttpResult problem)
        {
            if (problem.StatusCode == StatusCodes.Status404NotFound)
            {
                return Missing(problem.ProblemDetails.Detail ?? "");
            }

            if (problem.ProblemDetails.Extensions.TryGetValue("field", out var field) && field is string name)
            {
                Refuse(char.ToUpperInvariant(name[0]) + name[1..], problem.ProblemDetails.Detail ?? "");
            }
            else
            {
                Error = problem.ProblemDetails.Detail;
            }

            return Page();
        }

        TempData["Notice"] = $"Đã lưu đơn vị {code}.";
        return Redirect(TenantModel.PathOf(tenant) + "#don-vi");
    }

    /// <summary>A dd/MM/yyyy date as the API's ISO text; blank is no date.</summary>
    private string? Iso(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (VietnameseDate.Parse(text.Trim()) is { Success: true } parsed)
        {
            return LocalDatePattern.Iso.Format(parsed.Value);
        }

        Refuse(field, $"{label}: “{text}” không phải ngày dạng dd/MM/yyyy (ví dụ 01/07/2025).");
        return null;
    }
}
