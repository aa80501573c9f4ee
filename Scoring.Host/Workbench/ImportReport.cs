using System.Globalization;
using System.Text.Json;
using Scoring.Host.RuleSetExcel;
using Scoring.Host.RulesEngineImport;

namespace Scoring.Host.Workbench;

/// <summary>
/// What an importer could not carry into a draft, as a table the workbench shows beside the draft (Vietnamese column
/// headings, one row per unread row or refused part). Kept with the draft until the maintainer marks it finished.
/// </summary>
internal sealed record ImportReport(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The rows of an Excel scoring table that the reader could not understand: sheet, row, text, reason.</summary>
    public static ImportReport Of(string fileName, IEnumerable<UnreadRow> unread) => new(
        $"Các dòng chưa đọc được của bảng chấm điểm «{fileName}»",
        ["Trang tính", "Dòng", "Nội dung", "Lý do"],
        [.. unread.Select(u => (IReadOnlyList<string>)[u.Sheet, u.Row.ToString(CultureInfo.InvariantCulture), u.Text, u.Reason])]);

    /// <summary>The parts of a RulesEngine workflow the importer refused: workflow, rule, part, position, reason.</summary>
    public static ImportReport Of(string fileName, WorkflowDraft workflow) => new(
        $"Các phần chưa chuyển được của workflow «{workflow.WorkflowName}» (tệp «{fileName}»)",
        ["Workflow", "Quy tắc", "Phần", "Vị trí", "Lý do"],
        [.. workflow.Problems.Select(p => (IReadOnlyList<string>)[p.Workflow, p.Rule, p.Part,
            p.Column > 0 ? $"cột {p.Column.ToString(CultureInfo.InvariantCulture)}" : "cả quy tắc", p.Message])]);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The stored report, or null when there is none (or it cannot be read: a report is advice, never a reason to fail a page).</summary>
    public static ImportReport? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ImportReport>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
