using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.RuleSetExcel;

/// <summary>
/// Reads a scoring table in the template (<see cref="ScoringTableTemplate"/>) into a draft rule set: sections,
/// criteria and points; bands from the Vietnamese text of "Cách chấm"; other methods from "Tham số". Every row it could
/// not turn into the draft is listed with its sheet, row and text. The header row is found wherever it is (titles above
/// it are allowed); the sheet "Thuộc tính khác", when present, gives the rule set's other properties.
/// </summary>
internal static partial class ScoringTableReader
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="ExcelTableException">The file is not an .xlsx workbook, or has no header row with the template's columns.</exception>
    public static ExcelImport Read(byte[] content)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or ArgumentException or FileFormatException)
        {
            throw new ExcelTableException(NotAWorkbook(content));
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ExcelTableException(NotAWorkbook(content));
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var table = sheets.FirstOrDefault(s => s.Name?.Value == ScoringTableTemplate.TableSheet) ?? sheets.FirstOrDefault()
                ?? throw new ExcelTableException("Tệp .xlsx không có trang tính nào.");
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var unread = new List<UnreadRow>();
            var root = new JsonObject();
            var tableName = table.Name?.Value ?? "";
            var (sections, bonus, penalty, title, criteria) = ReadTable(tableName, Rows(workbook, table, shared), unread);
            if (sheets.FirstOrDefault(s => s.Name?.Value == ScoringTableTemplate.OtherSheet) is { } otherSheet)
            {
                foreach (var (number, cells) in Rows(workbook, otherSheet, shared).Skip(1))
                {
                    var name = Cell(cells, 0);
                    if (name.Length == 0)
                    {
                        continue;
                    }
                    try
                    {
                        root[name] = JsonNode.Parse(Cell(cells, 1));
                    }
                    catch (JsonException e)
                    {
                        unread.Add(new UnreadRow(ScoringTableTemplate.OtherSheet, number, string.Join(" | ", cells), $"giá trị của `{name}` không phải JSON hợp lệ (lỗi ở ký tự thứ {(e.BytePositionInLine ?? 0) + 1} của dòng {(e.LineNumber ?? 0) + 1} trong ô)"));
                    }
                }
            }
            else
            {
                root["format"] = 1;
                root["id"] = "nhap-excel.bang-cham-diem";
                root["version"] = "0.1.0";
                root["title"] = title ?? "Bảng chấm điểm nhập từ Excel";
                root["years"] = new JsonObject { ["from"] = 2025, ["to"] = 2030 };
                root["unitKinds"] = new JsonArray();
                root["indicators"] = new JsonArray();
            }
            root["sections"] = sections;
            if (bonus is not null)
            {
                root["bonus"] = bonus;
            }
            if (penalty is not null)
            {
                root["penalty"] = penalty;
            }
            return new ExcelImport(root.ToJsonString(Indented) + "\n", [.. unread], sections.Count, criteria);
        }
    }

    /// <summary>Why <paramref name="content"/> is not an .xlsx workbook, judged by its first bytes, and what to do.</summary>
    private static string NotAWorkbook(byte[] content)
    {
        const string SaveAs = "Hãy mở tệp bằng Excel (hoặc LibreOffice) và lưu lại dưới dạng «Sổ làm việc Excel (.xlsx)».";
        return content switch
        {
            [] => "Tệp rỗng (0 byte). Hãy chọn lại tệp bảng chấm điểm .xlsx.",
            [0x50, 0x4B, 0x03, 0x04, ..] => "Tệp là một tệp nén (.zip) nhưng không phải bảng tính Excel .xlsx (có thể là tệp Word, tệp .ods hay một thư mục nén). " + SaveAs,
            [0xD0, 0xCF, 0x11, 0xE0, ..] => "Tệp là bảng tính Excel 97–2003 (.xls), định dạng cũ chưa đọc được. " + SaveAs,
            _ => "Tệp không phải bảng tính .xlsx (nội dung không phải định dạng Office Open XML). " + SaveAs,
        };
    }

    private static (JsonArray Sections, JsonObject? Bonus, JsonObject? Penalty, string? Title, int Criteria) ReadTable(
        string sheet, List<(int Number, string[] Cells)> rows, List<UnreadRow> unread)
    {
        var header = rows.FindIndex(r => r.Cells.Any(c => Same(c, ScoringTableTemplate.Number)) && r.Cells.Any(c => c.Contains("Nội dung", StringComparison.OrdinalIgnoreCase)));
        if (header < 0)
        {
            throw new ExcelTableException(
                $"Trang «{sheet}» không có dòng tiêu đề với các cột «{ScoringTableTemplate.Number}», «{ScoringTableTemplate.Content}», «{ScoringTableTemplate.MaxPoints}», «{ScoringTableTemplate.Scoring}» (xem mẫu trong docs/rule-sets.md).");
        }
        var columns = rows[header].Cells;
        int Column(string name) => Array.FindIndex(columns, c => Same(c, name) || (name == ScoringTableTemplate.Content && c.Contains("Nội dung", StringComparison.OrdinalIgnoreCase)));
        var (stt, content, max, scoring, value, clause, parameters) = (
            Column(ScoringTableTemplate.Number), Column(ScoringTableTemplate.Content), Column(ScoringTableTemplate.MaxPoints),
            Column(ScoringTableTemplate.Scoring), Column(ScoringTableTemplate.Value), Column(ScoringTableTemplate.Clause), Column(ScoringTableTemplate.Parameters));
        var missing = new[] { (max, ScoringTableTemplate.MaxPoints), (scoring, ScoringTableTemplate.Scoring) }.Where(x => x.Item1 < 0).Select(x => $"«{x.Item2}»").ToList();
        if (missing.Count > 0)
        {
            throw new ExcelTableException($"Trang «{sheet}», dòng {rows[header].Number}: thiếu cột {string.Join(", ", missing)} (xem mẫu trong docs/rule-sets.md).");
        }
        var title = rows.Take(header).SelectMany(r => r.Cells).FirstOrDefault(c => c.Trim().Length > 0)?.Trim();

        var sections = new JsonArray();
        JsonObject? bonus = null, penalty = null;
        JsonArray? current = null;
        string prefix = "";
        var criteria = 0;
        foreach (var (number, cells) in rows.Skip(header + 1))
        {
            if (cells.All(c => c.Trim().Length == 0))
            {
                continue;
            }
            string Get(int index) => index >= 0 ? Cell(cells, index) : "";
            var text = string.Join(" | ", cells.Where(c => c.Trim().Length > 0).Select(c => c.Trim()));
            var id = Get(stt);
            var name = Get(content);
            var points = Get(max);
            var how = Get(scoring);
            if (how.Length == 0 && Get(parameters).Length == 0 && (name.StartsWith(ScoringTableTemplate.BonusTitle, StringComparison.OrdinalIgnoreCase) || name.StartsWith("Điểm cộng", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith(ScoringTableTemplate.PenaltyTitle, StringComparison.OrdinalIgnoreCase)))
            {
                var isBonus = !name.StartsWith(ScoringTableTemplate.PenaltyTitle, StringComparison.OrdinalIgnoreCase);
                var part = new JsonObject { ["cap"] = Number(points) is { } cap ? cap : 0m, ["criteria"] = new JsonArray() };
                if (Number(points) is null)
                {
                    unread.Add(new UnreadRow(sheet, number, text, $"mức trần của {(isBonus ? "điểm thưởng" : "điểm trừ")} ở cột «{ScoringTableTemplate.MaxPoints}» không phải một số; đã tạm ghi 0"));
                }
                if (isBonus) bonus = part; else penalty = part;
                current = (JsonArray)part["criteria"]!;
                prefix = isBonus ? "T" : "TR";
                continue;
            }
            if (how.Length == 0 && Get(parameters).Length == 0 && SectionNumber().IsMatch(id))
            {
                var sectionId = id.TrimEnd('.');
                var section = new JsonObject { ["id"] = sectionId, ["title"] = name };
                if (Number(points) is { } sectionMax)
                {
                    section["maxPoints"] = sectionMax;
                }
                else
                {
                    unread.Add(new UnreadRow(sheet, number, text, $"mục `{sectionId}` không có điểm tối đa là một số ở cột «{ScoringTableTemplate.MaxPoints}»"));
                }
                section["criteria"] = current = new JsonArray();
                sections.Add(section);
                prefix = sectionId;
                continue;
            }
            if (current is null)
            {
                unread.Add(new UnreadRow(sheet, number, text, "dòng tiêu chí đứng trước mọi mục (mục: STT là số La Mã hoặc chữ cái, ví dụ «I», «A»)"));
                continue;
            }
            if (id.Length == 0 || name.Length == 0 || Number(points) is not { } criterionMax)
            {
                unread.Add(new UnreadRow(sheet, number, text, $"dòng tiêu chí cần «{ScoringTableTemplate.Number}», «{ScoringTableTemplate.Content}» và «{ScoringTableTemplate.MaxPoints}» là một số"));
                continue;
            }
            var criterion = new JsonObject
            {
                ["id"] = id.Contains('.', StringComparison.Ordinal) || prefix.Length == 0 ? id.TrimEnd('.') : $"{prefix}.{id.TrimEnd('.')}",
                ["title"] = name,
            };
            if (Get(clause) is { Length: > 0 } basis)
            {
                criterion["clause"] = basis;
            }
            criterion["maxPoints"] = criterionMax;
            var operand = Get(value);
            if (Get(parameters) is { Length: > 0 } json)
            {
                JsonObject? rest;
                try
                {
                    rest = JsonNode.Parse(json) as JsonObject;
                }
                catch (JsonException)
                {
                    rest = null;
                }
                if (rest?["method"] is not JsonValue)
                {
                    unread.Add(new UnreadRow(sheet, number, text, $"cột «{ScoringTableTemplate.Parameters}» không phải một đối tượng JSON có `method`"));
                    continue;
                }
                criterion["method"] = rest["method"]!.DeepClone();
                if (operand.Length > 0)
                {
                    criterion["value"] = Operand(operand);
                }
                foreach (var (key, node) in rest)
                {
                    if (key != "method")
                    {
                        criterion[key] = node?.DeepClone();
                    }
                }
            }
            else if (BandText.Parse(how, out var problem) is { } bands)
            {
                criterion["method"] = "bands";
                criterion["value"] = operand.Length > 0 ? Operand(operand) : "";
                criterion["bands"] = bands;
                if (operand.Length == 0)
                {
                    unread.Add(new UnreadRow(sheet, number, text, $"đã đọc các bậc điểm nhưng chưa có chỉ số hoặc biểu thức được chấm ở cột «{ScoringTableTemplate.Value}»; hãy điền `value` của tiêu chí `{criterion["id"]}`"));
                }
            }
            else
            {
                unread.Add(new UnreadRow(sheet, number, text, $"cột «{ScoringTableTemplate.Scoring}»: {problem}"));
                continue;
            }
            current.Add(criterion);
            criteria++;
        }
        return (sections, bonus, penalty, title, criteria);
    }

    // A number cell holds invariant text; a typed cell may be Vietnamese ("2,5").
    private static decimal? Number(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) && !text.Contains(',', StringComparison.Ordinal))
        {
            return number;
        }
        try
        {
            return BandText.ParseNumber(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonNode Operand(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);

    private static bool Same(string cell, string name) => string.Equals(cell.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index].Trim() : "";

    private static List<(int Number, string[] Cells)> Rows(WorkbookPart workbook, Sheet sheet, List<string> shared)
    {
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var rows = new List<(int, string[])>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(Text(cell, shared));
            }
            rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), [.. cells]));
        }
        return rows;
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        var value = cell.CellValue?.InnerText ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        }
        return value;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (reference is null)
        {
            return null;
        }
        var index = 0;
        var letters = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
            letters++;
        }
        return letters == 0 ? null : index - 1;
    }

    // Section numbers as the plans write them: Roman numerals (I, II, IV.) or a single capital letter (A, B).
    [GeneratedRegex(@"^(?:[IVXLC]+|[A-ZĐ])\.?$")]
    private static partial Regex SectionNumber();
}
