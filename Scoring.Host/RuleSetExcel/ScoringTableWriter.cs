using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.RuleSetExcel;

/// <summary>
/// Writes a rule set as the scoring-table template: sheet "Bảng chấm điểm" (one row per section, criterion, bonus and
/// penalty heading; bands written as Vietnamese text; other methods' properties as JSON in "Tham số") and sheet
/// "Thuộc tính khác" (every other top-level property as JSON), so that importing the file gives the same rule set.
/// </summary>
internal static class ScoringTableWriter
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The criterion properties written in their own columns; the rest of a non-band method goes to "Tham số".</summary>
    internal static readonly string[] OwnColumns = ["id", "title", "clause", "maxPoints", "method", "value", "bands"];

    public static void Write(JsonObject ruleSet, Stream stream)
    {
        var percent = (ruleSet["indicators"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(i => i["type"]?.GetValue<string>() == "percent")
            .Select(i => i["id"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var rows = new List<object?[]> { ScoringTableTemplate.Columns };
        foreach (var section in (ruleSet["sections"] as JsonArray ?? []).OfType<JsonObject>())
        {
            rows.Add([Text(section, "id"), Text(section, "title"), Number(section, "maxPoints")]);
            rows.AddRange(Criteria(section, percent));
        }
        foreach (var (part, title) in new[] { ("bonus", ScoringTableTemplate.BonusTitle), ("penalty", ScoringTableTemplate.PenaltyTitle) })
        {
            if (ruleSet[part] is JsonObject adjustment)
            {
                rows.Add(["", title, Number(adjustment, "cap")]);
                rows.AddRange(Criteria(adjustment, percent));
            }
        }
        var other = new List<object?[]> { new object?[] { "Thuộc tính", "Giá trị (JSON)" } };
        foreach (var (name, value) in ruleSet)
        {
            if (name is not ("sections" or "bonus" or "penalty" or "$schema"))
            {
                other.Add([name, value?.ToJsonString(Compact) ?? "null"]);
            }
        }

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        AddSheet(workbook, sheets, ScoringTableTemplate.TableSheet, rows);
        AddSheet(workbook, sheets, ScoringTableTemplate.OtherSheet, other);
        workbook.Workbook.Save();
    }

    private static IEnumerable<object?[]> Criteria(JsonObject part, HashSet<string> percent)
    {
        foreach (var criterion in (part["criteria"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var method = Text(criterion, "method");
            var value = criterion["value"];
            string scoring;
            string? parameters = null;
            if (method == "bands" && criterion["bands"] is JsonArray bands)
            {
                var isPercent = value is JsonValue v && v.TryGetValue<string>(out var id) && percent.Contains(id);
                scoring = BandText.Write(bands, isPercent);
            }
            else
            {
                var rest = new JsonObject { ["method"] = method };
                foreach (var (name, node) in criterion)
                {
                    if (!OwnColumns.Contains(name))
                    {
                        rest[name] = node?.DeepClone();
                    }
                }
                parameters = rest.ToJsonString(Compact);
                scoring = Describe(method);
            }
            yield return [Text(criterion, "id"), Text(criterion, "title"), Number(criterion, "maxPoints"), scoring, value is null ? null : Operand(value), Text(criterion, "clause"), parameters];
        }
    }

    // An operand is a number or an expression; the cell shows the expression as written, a number as a number.
    private static object? Operand(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString();

    private static string Describe(string? method) => method switch
    {
        "target" => "Theo tỷ lệ đạt so với chỉ tiêu (xem Tham số)",
        "check" => "Đạt thì được điểm, không đạt 0 điểm (xem Tham số)",
        "count" => "Theo số lượng, mỗi đơn vị được điểm (xem Tham số)",
        "deadline" => "Đúng hạn được điểm tối đa, chậm thì trừ (xem Tham số)",
        "relative" => "So với đơn vị cao nhất trong cụm/khối (xem Tham số)",
        "rank" => "Theo thứ hạng trong cụm/khối (xem Tham số)",
        "expression" => "Theo công thức (xem Tham số)",
        _ => "(xem Tham số)",
    };

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static decimal? Number(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, List<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                switch (rows[r][c])
                {
                    case decimal number:
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });
                        break;
                    case string { Length: > 0 } text:
                        row.Append(new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                        });
                        break;
                }
            }
            data.Append(row);
        }
        part.Worksheet = new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 8, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 60, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 12, CustomWidth = true },
                new Column { Min = 4, Max = 4, Width = 60, CustomWidth = true },
                new Column { Min = 5, Max = 7, Width = 30, CustomWidth = true }),
            data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }
}
