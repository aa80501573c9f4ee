using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.Imports;

/// <summary>Reads an uploaded table: RFC 4180 CSV (UTF-8) or the first sheet of an .xlsx workbook.</summary>
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
            return ReadCsv(Encoding.UTF8.GetString(content));
        }

        throw new ImportException(0, "", $"Tệp '{fileName}' không phải .csv hoặc .xlsx.");
    }

    public static TabularData ReadCsv(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = new List<List<string>>();
        var field = new StringBuilder();
        var record = new List<string>();
        var quoted = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                line++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new ImportException(line, "", "dấu ngoặc kép (\") chưa được đóng.");
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return ToTable(records);
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
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
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

                    cells.Add(CellText(cell, shared));
                }

                records.Add(cells);
            }

            return ToTable(records);
        }
        catch (Exception e) when (e is not ImportException)
        {
            throw new ImportException(0, "", $"không đọc được tệp .xlsx ({e.Message}).");
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var value = cell.CellValue?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index) && index < shared.Count)
        {
            return shared[index];
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "true" : "false";
        }

        return value;
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

    private static TabularData ToTable(List<List<string>> records)
    {
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            throw new ImportException(1, "", "tệp trống hoặc thiếu dòng tiêu đề.");
        }

        var rows = records.Skip(1)
            .Select((cells, i) => new TabularRow(i + 2, cells))
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .ToList();
        return new TabularData(records[0].Select(h => h.Trim()).ToList(), rows);
    }
}
