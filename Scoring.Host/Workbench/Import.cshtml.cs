using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Scoring.Host.RuleSetExcel;
using Scoring.Host.RulesEngineImport;
using Scoring.Rules.Loading;

namespace Scoring.Host.Workbench;

/// <summary>
/// Imports a file into a new draft: an Excel scoring table in the documented template, or Microsoft RulesEngine workflows
/// (one draft per workflow). The maintainer chooses the tenant and movement; the rows the importer could not read are kept
/// with the draft and shown beside it in the editor. A file that cannot be read at all is refused with the reason and
/// nothing is written. The request itself is bounded by the workbench's page limit (<see cref="Limits.PageBodyLimits"/>,
/// about 6 MB), above both files' own limits, so an oversized file still reaches the page and gets its message here.
/// </summary>
internal sealed class ImportModel(ScoringDbContext db, RuleSetDrafts drafts) : WorkbenchPageModel
{
    /// <summary>A scoring table is a few dozen rows: 5 MB leaves room for formatting and pictures.</summary>
    public const long MaxExcelBytes = 5 * 1024 * 1024;

    /// <summary>A workflow becomes one rule set: the rule sets' own limit.</summary>
    public const long MaxWorkflowBytes = RuleSetLoader.MaxBytes;

    public static readonly string ExcelHint = $"Tệp .xlsx, tối đa {Limits.BodyLimit.Describe(MaxExcelBytes)}.";

    public static readonly string WorkflowHint = $"Tệp .json (UTF-8), tối đa {Limits.BodyLimit.Describe(MaxWorkflowBytes)}. Mã tự đặt chỉ dùng khi tệp có một workflow.";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>"tenant/movement", one of <see cref="Targets"/>.</summary>
    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? RuleSetId { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportTarget> Targets { get; private set; } = [];

    /// <summary>Which form the error belongs to ("excel" or "rulesengine") and the error itself.</summary>
    public (string Form, string Message)? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostExcelAsync(CancellationToken ct)
    {
        const string Form = "excel";
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (ChosenTarget(Form) is not { } target)
        {
            return Error is null ? RefuseOutside(TenantOf(Target))! : Page();
        }

        if (await ReadUploadAsync(Form, ".xlsx", MaxExcelBytes, ct) is not { } content)
        {
            return Page();
        }

        ExcelImport import;
        try
        {
            import = ScoringTableReader.Read(content);
        }
        catch (ExcelTableException e)
        {
            return Refuse(Form, $"Chưa nhập «{FileName}»: {e.Message}");
        }

        var root = JObject.Parse(import.Json);
        Place(root, target, single: true);
        var report = import.Unread.IsEmpty ? null : ImportReport.Of(FileName, import.Unread);
        var outcome = (await drafts.CreateAsync(target.Tenant, [new DraftImport(root.ToString(), report)], Actor, "excel", ct))[0];
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        if (!outcome.Succeeded)
        {
            return Refuse(Form, $"Chưa nhập «{FileName}»: {outcome.Problem}");
        }

        var draft = outcome.Draft!;
        TempData["Notice"] = $"Đã nhập «{FileName}» thành bản nháp {draft.RuleSetId} phiên bản {draft.Version}: {import.Sections} mục, {import.Criteria} tiêu chí. "
            + (import.Unread.IsEmpty ? "Mọi dòng đều đã đọc được." : $"{import.Unread.Length} dòng chưa đọc được, liệt kê bên dưới: hãy hoàn thiện chúng trong biểu mẫu.");
        return Redirect(WorkbenchPaths.Editor(draft.RuleSetId, draft.Version));
    }

    public async Task<IActionResult> OnPostRulesEngineAsync(CancellationToken ct)
    {
        const string Form = "rulesengine";
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (ChosenTarget(Form) is not { } target)
        {
            return Error is null ? RefuseOutside(TenantOf(Target))! : Page();
        }

        if (await ReadUploadAsync(Form, ".json", MaxWorkflowBytes, ct) is not { } content)
        {
            return Page();
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Refuse(Form, $"Chưa nhập «{FileName}»: tệp không phải văn bản UTF-8 (có thể là tệp nhị phân hay một bảng tính). Hãy chọn tệp workflow .json.");
        }

        System.Collections.Immutable.ImmutableArray<WorkflowDraft> workflows;
        try
        {
            workflows = WorkflowImporter.Import(json);
        }
        catch (WorkflowFormatException e)
        {
            return Refuse(Form, $"Chưa nhập «{FileName}»: {e.Message}");
        }

        var imports = workflows.Select(w =>
        {
            var root = JObject.Parse(w.Json);
            Place(root, target, single: workflows.Length == 1);
            return new DraftImport(root.ToString(), w.Problems.IsEmpty ? null : ImportReport.Of(FileName, w));
        }).ToList();
        var outcomes = await drafts.CreateAsync(target.Tenant, imports, Actor, "rules-engine", ct);
        if (outcomes.FirstOrDefault(o => o.Forbidden) is { } forbidden)
        {
            return Forbidden(forbidden.Problem!);
        }

        if (outcomes.Any(o => !o.Succeeded))
        {
            var reasons = outcomes.Select((o, i) => o.Problem is { } p ? $"workflow «{workflows[i].WorkflowName}»: {p}" : null).OfType<string>();
            return Refuse(Form, $"Chưa nhập «{FileName}», không bản nháp nào được tạo: {string.Join(" ", reasons)}");
        }

        var made = outcomes.Select((o, i) => (Draft: o.Draft!, Workflow: workflows[i])).ToList();
        var problems = workflows.Sum(w => w.Problems.Length);
        TempData["Notice"] = $"Đã nhập «{FileName}»: "
            + string.Join("; ", made.Select(m => $"workflow «{m.Workflow.WorkflowName}» thành bản nháp {m.Draft.RuleSetId} phiên bản {m.Draft.Version} ({m.Workflow.Criteria} tiêu chí)"))
            + ". " + (problems == 0 ? "Mọi quy tắc đều đã chuyển được." : $"{problems} phần chưa chuyển được, liệt kê trong bản nháp: hãy hoàn thiện chúng trong biểu mẫu.");
        return made.Count == 1 ? Redirect(WorkbenchPaths.Editor(made[0].Draft.RuleSetId, made[0].Draft.Version)) : Redirect(WorkbenchPaths.Index);
    }

    private string FileName => System.IO.Path.GetFileName(Upload?.FileName ?? "");

    private static string TenantOf(string? target) => target?.Split('/')[0] ?? "";

    /// <summary>The chosen tenant and movement; null with <see cref="Error"/> set when none is chosen, or null alone when it is another tenant's (403).</summary>
    private ImportTarget? ChosenTarget(string form)
    {
        if (Targets.FirstOrDefault(t => t.Value == Target) is { } target)
        {
            return target;
        }

        if (string.IsNullOrEmpty(Target) || RuleSetDrafts.CanMaintain(Actor, TenantOf(Target)))
        {
            Error = (form, "Hãy chọn tỉnh/xã và phong trào của bộ tiêu chí (danh sách «Thuộc tỉnh/xã và phong trào»).");
        }

        return null;
    }

    private async Task<byte[]?> ReadUploadAsync(string form, string extension, long limit, CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Error = (form, Upload is null ? $"Hãy chọn tệp {extension} để tải lên." : $"Tệp «{FileName}» rỗng (0 byte); hãy chọn lại tệp {extension}.");
            return null;
        }

        if (Upload.Length > limit)
        {
            Error = (form, $"Tệp «{FileName}» nặng {Limits.BodyLimit.Describe(Upload.Length)}, lớn hơn giới hạn {Limits.BodyLimit.Describe(limit)} của loại tệp này; không có gì được lưu. "
                + "Hãy kiểm tra đúng tệp chưa, hoặc bỏ hình ảnh và các trang tính không cần.");
            return null;
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// Puts the draft in the chosen tenant and movement, under the id and version the maintainer gave (or the file's: an id
    /// not starting with the tenant's code gets it as a prefix, so two tenants' imports never claim the same id).
    /// </summary>
    private void Place(JObject root, ImportTarget target, bool single)
    {
        root["tenant"] = target.Tenant;
        if (target.Movement.Length > 0)
        {
            root["movement"] = target.Movement;
        }

        var fileId = root["id"]?.ToString() ?? "";
        root["id"] = single && !string.IsNullOrWhiteSpace(RuleSetId) ? RuleSetId.Trim()
            : fileId.StartsWith(target.Tenant + ".", StringComparison.Ordinal) ? fileId : $"{target.Tenant}.{fileId}";
        if (!string.IsNullOrWhiteSpace(Version))
        {
            root["version"] = Version.Trim();
        }
    }

    private IActionResult Refuse(string form, string message)
    {
        Error = (form, message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        var tenants = (await db.Tenants.AsNoTracking().ToListAsync(ct)).Where(t => RuleSetDrafts.CanMaintain(Actor, t.Code)).OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        var codes = tenants.Select(t => t.Code).ToList();
        var movements = await db.Movements.AsNoTracking().Where(m => codes.Contains(m.TenantCode)).ToListAsync(ct);
        Targets = tenants.SelectMany(t =>
        {
            var own = movements.Where(m => m.TenantCode == t.Code).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
            return own.Count == 0 ? [new ImportTarget(t.Code, t.Name, "", "")] : own.Select(m => new ImportTarget(t.Code, t.Name, m.Code, m.Title));
        }).ToList();
        return null;
    }
}
