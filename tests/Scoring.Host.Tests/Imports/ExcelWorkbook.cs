using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.Tests.Imports;

/// <summary>
/// Writes a one-sheet .xlsx the way a spreadsheet program saves one: text in the shared-string table, numbers as numeric
/// cells, dates as serial numbers with a date style (built-in format 14, or the custom code dd/mm/yyyy), optionally in the
/// 1904 date system. A cell is a <see cref="string"/> (shared string), a <see cref="decimal"/> or <see cref="double"/> (number),
/// <see cref="ExcelDate"/> (date-styled serial) or null (no cell).
/// </summary>
internal static class ExcelWorkbook
{
    public const uint BuiltInDateStyle = 1;
    public const uint CustomDateStyle = 2;

    public static byte[] Write(object?[][] rows, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            if (date1904)
            {
                workbook.Workbook.AppendChild(new WorkbookProperties { Date1904 = true });
            }

            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });

            var strings = new List<string>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value)
                    {
                        continue;
                    }

                    var cell = new Cell { CellReference = $"{(char)('A' + c)}{r + 1}" };
                    switch (value)
                    {
                        case string text:
                            var index = strings.IndexOf(text);
                            if (index < 0)
                            {
                                strings.Add(text);
                                index = strings.Count - 1;
                            }

                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case ExcelDate date:
                            cell.StyleIndex = date.Style;
                            cell.CellValue = new CellValue(date.Serial.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case double number:
                            cell.CellValue = new CellValue(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        default:
                            cell.CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                            break;
                    }

                    row.Append(cell);
                }

                data.Append(row);
            }

            var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))))
            {
                Count = (uint)strings.Count, UniqueCount = (uint)strings.Count,
            };
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Dữ liệu" });
        }

        return stream.ToArray();
    }
}
