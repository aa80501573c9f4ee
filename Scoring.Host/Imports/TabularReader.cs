using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.Imports;

/// <summary>
/// Reads an uploaded table: RFC 4180 CSV (UTF-8) or the first sheet of an .xlsx workbook. Workbook cells become the text
/// a CSV would hold: shared and inline strings, booleans as true/false, numbers as the decimal typed, date-styled
/// numbers as ISO dates (yyyy-MM-dd) in the workbook's date system.
/// </summary>
internal static class TabularReader
{
    public static TabularData Read(string fileName, byte[] content)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return ReadXlsx(content);
        }

        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            // Strict UTF-8: a file saved as Windows-1258 or TCVN3 would otherwise store names with "�".
            if (!Scoring.Rules.Loading.StrictUtf8.TryDecode(content, out var text, out var bad))
            {
                throw new ImportException(bad.Line, "",
                    $"tệp không phải văn bản UTF-8: byte 0x{bad.Byte:X2} ở dòng {bad.Line}, cột {bad.Column} không thuộc ký tự UTF-8 nào. "
                    + "Hãy lưu lại tệp với bảng mã UTF-8 (Excel: Lưu dưới dạng \"CSV UTF-8\") rồi gửi lại.");
            }

            return ReadCsv(text);
        }

        throw new ImportException(0, "", $"Tệp '{fileName}' không phải .csv hoặc .xlsx.");
    }

    /// <summary>
    /// A CSV upload read by the one CSV reader (<see cref="CsvText"/>); rows are numbered as a spreadsheet shows them. Stray
    /// quotes are kept as text; a quote left open would swallow the rest of the file, so it refuses the upload.
    /// </summary>
    public static TabularData ReadCsv(string text)
    {
        var (records, errors) = CsvText.Parse(text);
        if (errors.FirstOrDefault(e => e.Message == CsvText.UnterminatedQuote) is { } open)
        {
            throw new ImportException(open.Line, "", "dấu ngoặc kép (\") chưa được đóng.");
        }

        if (records.IsEmpty || records[0].Number != 1)
        {
            throw new ImportException(1, "", "tệp trống hoặc thiếu dòng tiêu đề.");
        }

        return ToTable(records[0].Fields, records.Skip(1).Select(r => new TabularRow(r.Number, r.Fields)), everyRowFull: true);
    }

    private static TabularData ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new ImportException(0, "", "tệp .xlsx không có bảng tính.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new ImportException(0, "", "tệp .xlsx không có trang tính nào.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(StringItemText).ToList() ?? [];
            var formats = new ExcelNumberFormats(workbook);
            var records = new List<List<string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var rowIndex = (int)(row.RowIndex?.Value ?? (uint)(records.Count + 1));
                while (records.Count < rowIndex - 1)
                {
                    records.Add([]);
                }

                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    // Problems in a cell name its column header, as the row parsers do; the header row names the cell.
                    var header = records.Count > 0 && column < records[0].Count && records[0][column].Trim().Length > 0
                        ? records[0][column].Trim()
                        : cell.CellReference?.Value ?? "";
                    cells.Add(CellText(cell, shared, formats, rowIndex, header));
                }

                records.Add(cells);
            }

            if (records.Count == 0)
            {
                throw new ImportException(1, "", "tệp trống hoặc thiếu dòng tiêu đề.");
            }

            return ToTable(records[0], records.Skip(1).Select((cells, i) => new TabularRow(i + 2, cells)), everyRowFull: false);
        }
        catch (Exception e) when (e is not ImportException)
        {
            throw new ImportException(0, "", $"không đọc được tệp .xlsx ({e.Message}).");
        }
    }

    private static string CellText(Cell cell, List<string> shared, ExcelNumberFormats formats, int row, string column)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? StringItemText(inline) : "";
        }

        var value = cell.CellValue?.InnerText ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count
                ? shared[index]
                : throw new ImportException(row, column, $"ô trỏ tới chuỗi dùng chung số {value}, tệp không có chuỗi đó (tệp .xlsx hỏng?).");
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "true" : "false";
        }

        if (type == CellValues.Date)
        {
            // ISO 8601 text (strict Open XML); a midnight date-time is the date itself.
            return value.EndsWith("T00:00:00", StringComparison.Ordinal) ? value[..^"T00:00:00".Length] : value;
        }

        if (type is null || type == CellValues.Number)
        {
            return value.Length == 0 ? "" : formats.Text(value, cell.StyleIndex?.Value, row, column);
        }

        return value;
    }

    /// <summary>The visible text of a string item: its plain text or its rich-text runs, without phonetic guides.</summary>
    private static string StringItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return text.Text;
        }

        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>
    /// The header and the data rows, after the row-shape check every import shares: a row with more fields than the header
    /// (a comma too many, a value in an unnamed column) is refused, and so is, in a CSV, a row with fewer (RFC 4180: every
    /// record has the header's fields; a workbook simply leaves trailing cells out).
    /// </summary>
    private static TabularData ToTable(IReadOnlyList<string> header, IEnumerable<TabularRow> rows, bool everyRowFull)
    {
        if (header.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportException(1, "", "tệp trống hoặc thiếu dòng tiêu đề.");
        }

        var kept = new List<TabularRow>();
        foreach (var row in rows)
        {
            var cells = row.Cells;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var extra = cells.Skip(header.Count).Select((c, k) => (c, k)).FirstOrDefault(x => !string.IsNullOrWhiteSpace(x.c) || everyRowFull);
            if (cells.Count > header.Count && extra.c is not null)
            {
                throw new ImportException(row.Number, $"cột {header.Count + extra.k + 1}",
                    $"dòng có {cells.Count} trường nhưng dòng tiêu đề có {header.Count} cột ({string.Join(",", header.Select(h => h.Trim()))}); "
                    + "có thể thừa một dấu phẩy, hoặc một giá trị có dấu phẩy cần đặt trong dấu ngoặc kép.");
            }

            if (everyRowFull && cells.Count < header.Count)
            {
                throw new ImportException(row.Number, header[cells.Count].Trim(),
                    $"dòng có {cells.Count} trường nhưng dòng tiêu đề có {header.Count} cột; thiếu giá trị từ cột '{header[cells.Count].Trim()}'. "
                    + "Mỗi dòng phải có đủ các cột, ô trống vẫn giữ dấu phẩy.");
            }

            kept.Add(row);
        }

        return new TabularData(header.Select(h => h.Trim()).ToList(), kept);
    }
}
