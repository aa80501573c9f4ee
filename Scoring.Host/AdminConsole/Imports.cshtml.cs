using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// Uploads of units, a year's groups and authoritative figures (.csv or .xlsx), each written by the same service the API
/// uses: every row or none. A refused file lists every bad row with its row and column, and nothing is written.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class ImportsModel(ScoringDbContext db, UnitService units, GroupService groups, AuthoritativeImport authoritative, IClock clock)
    : ConsolePageModel
{
    public const string Path = Root + "/nhap-du-lieu";

    [BindProperty]
    public string? Tenant { get; set; }

    [BindProperty]
    public ImportKind Kind { get; set; }

    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public IReadOnlyList<ImportBatch> Batches { get; private set; } = [];

    /// <summary>The refused file's name and every problem in it; null when nothing was refused.</summary>
    public (string FileName, IReadOnlyList<RowError> Errors)? Refused { get; private set; }

    public string? Error { get; private set; }

    public static string Title(ImportKind kind) => kind switch
    {
        ImportKind.Units => "Danh sách đơn vị (code, name, kind, validFrom, validTo, successor)",
        ImportKind.Groups => "Cụm/khối của năm (group, groupName, groupKind, unit, role)",
        _ => AuthoritativeImport.Title(Source(kind)) + " (unit, " + string.Join(", ", AuthoritativeImport.Columns(Source(kind))) + ")",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Year;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Tenants.All(t => t.Code != Tenant))
        {
            Error = "Hãy chọn một tỉnh/xã.";
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Error = "Hãy chọn tệp .csv hoặc .xlsx để nhập.";
            return Page();
        }

        if (Upload.Length > UploadedFile.TableImportLimit)
        {
            Error = $"Tệp {Upload.FileName} lớn hơn giới hạn {UploadedFile.TableImportLimit / 1024 / 1024} MB; hãy chia nhỏ tệp.";
            return Page();
        }

        if (Kind != ImportKind.Units && Year is < 2000 or > 2100)
        {
            Error = $"Năm {Year} không hợp lệ; hãy nhập năm dạng yyyy, ví dụ 2025.";
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await Upload.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var name = System.IO.Path.GetFileName(Upload.FileName);
        var (written, refusal) = Kind switch
        {
            ImportKind.Units => Describe(await units.ImportRowsAsync(Tenant!, name, content, Actor, ct), s => $"Đã nhập {s.Rows} đơn vị từ {name}."),
            ImportKind.Groups => Describe(await groups.ImportRowsAsync(Tenant!, Year, name, content, Actor, ct), s => $"Đã nhập cụm/khối năm {Year} ({s.Rows} thành viên) từ {name}."),
            _ => Describe(await authoritative.ImportAsync(Actor, Tenant!, Source(Kind), Year, name, content, ct),
                b => $"Đã nhập số liệu của {b.Rows} đơn vị từ {name} (đợt {b.Id}, SHA-256 {b.Sha256[..12]}…)."),
        };
        if (refusal is not null)
        {
            Refused = (name, refusal.All);
            return Page();
        }

        TempData["Notice"] = written;
        return Redirect(Path);
    }

    private static (string? Written, ImportException? Refusal) Describe<T>(ImportOutcome<T> outcome, Func<T, string> text)
        where T : class => outcome.Error is { } error ? (null, error) : (text(outcome.Value!), null);

    private static ImportSource Source(ImportKind kind) => kind switch
    {
        ImportKind.Dti => ImportSource.Dti,
        ImportKind.Pas766 => ImportSource.Pas766,
        _ => ImportSource.DigitalLiteracy,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        Batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(50).ToListAsync(ct);
    }
}
