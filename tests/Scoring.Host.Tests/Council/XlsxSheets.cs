using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.Tests.Council;

/// <summary>Reads an .xlsx back: each sheet's rows as lists indexed by column (empty cells are absent from the file, so placed by reference).</summary>
internal static class XlsxSheets
{
    public static Dictionary<string, List<List<string>>> Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        return part.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s => Rows((WorksheetPart)part.GetPartById(s.Id!.Value!)), StringComparer.Ordinal);
    }

    private static List<List<string>> Rows(WorksheetPart sheet) =>
        sheet.Worksheet.Descendants<Row>().Select(r =>
        {
            var row = new List<string>();
            foreach (var cell in r.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
                while (row.Count <= column)
                {
                    row.Add(string.Empty);
                }

                row[column] = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
            }

            return row;
        }).ToList();
}
