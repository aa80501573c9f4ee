using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.RuleSetExcel;

namespace Scoring.Host.Workbench;

/// <summary>
/// Any version of a rule set (published or draft) as the documented Excel scoring table (.xlsx download): the same template
/// the import reads, so the file can be edited and imported again.
/// </summary>
internal sealed class ExcelExportModel(ScoringDbContext db, RuleSetDrafts drafts) : WorkbenchPageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Version { get; set; } = "";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        var published = await db.RuleSetVersions.AsNoTracking().Where(v => v.RuleSetId == Id && v.Version == Version)
            .Select(v => new { v.Tenant, v.Json }).FirstOrDefaultAsync(ct);
        var draft = published is null ? await drafts.FindAsync(Id, Version, ct) : null;
        if ((published?.Tenant ?? draft?.Tenant) is not { } tenant)
        {
            return Missing($"Không có phiên bản {Version} của bộ tiêu chí '{Id}'.");
        }

        if (RefuseOutside(tenant) is { } outside)
        {
            return outside;
        }

        using var file = new MemoryStream();
        try
        {
            if (JsonNode.Parse(published?.Json ?? draft!.Json) is not JsonObject ruleSet)
            {
                throw new InvalidOperationException("not an object");
            }

            ScoringTableWriter.Write(ruleSet, file);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Only a draft can be malformed this way: a published version passed the validator.
            Problem = $"Bản nháp {Id} phiên bản {Version} còn sai cấu trúc (ví dụ một chỉ số không có mã dạng chuỗi) nên chưa xuất Excel được. "
                + "Hãy sửa các lỗi trong biểu mẫu rồi tải lại.";
            return Page();
        }

        return File(file.ToArray(), ContentType, $"{Id}@{Version}.xlsx");
    }
}
