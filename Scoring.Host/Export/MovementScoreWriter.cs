using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime.Text;

namespace Scoring.Host.Export;

/// <summary>
/// The movement's scores as the sheet a cluster's/bloc's general yearly scoring takes in: one sheet "Điểm phong trào" with the
/// run it comes from (run id, rule set and its SHA-256, inputs and result hashes, publication time) above one row per unit.
/// Points are numeric cells (the general sheet adds them up) in a two-decimal format that Excel shows with the reader's
/// separators (90,50 in vi-VN); every label is Vietnamese.
/// </summary>
internal static class MovementScoreWriter
{
    public const string SheetName = "Điểm phong trào";

    /// <summary>The header of the units' table (row <see cref="HeaderRow"/>); a scale adds the last column.</summary>
    public static readonly string[] Headers =
        ["STT", "Mã cụm/khối", "Tên cụm/khối", "Mã đơn vị", "Tên đơn vị", "Hạng trong cụm/khối", "Điểm phong trào", "Điểm tối đa", "Tỷ lệ đạt (%)", "Xếp loại"];

    public const int HeaderRow = 12;

    private const uint NumberStyle = 1;
    private const uint BoldStyle = 2;

    public static void Write(MovementScoreSheetDto sheet, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        AddStyles(workbook);
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var published = sheet.PublishedAt is { } at ? Display.Time(InstantPattern.ExtendedIso.Parse(at).Value) : "chưa công bố";
        var rows = new List<object?[]>
        {
            new object?[] { $"Kết quả phong trào thi đua \"{sheet.Movement}\" năm {sheet.Year} – tiêu chí chấm điểm thi đua hằng năm của cụm, khối" },
            new object?[] { "Đơn vị tổ chức phong trào", sheet.TenantName },
            new object?[] { "Năm", sheet.Year },
            new object?[] { "Lượt chấm số", sheet.Run },
            new object?[] { "Bộ tiêu chí", $"{sheet.RuleSet}, phiên bản {sheet.Version}" },
            new object?[] { "SHA-256 bộ tiêu chí", sheet.RuleSetSha256 },
            new object?[] { "SHA-256 dữ liệu đầu vào", sheet.InputsSha256 },
            new object?[] { "SHA-256 kết quả", sheet.ResultSha256 },
            new object?[] { "Công bố", published },
            new object?[] { "Cách tính", sheet.Scale is { } s
                ? $"Điểm quy đổi = điểm phong trào / điểm tối đa × {Numbers.Vn(s)}, làm tròn 2 chữ số thập phân"
                : "Điểm phong trào theo bộ tiêu chí đã ghi; tỷ lệ đạt = điểm phong trào / điểm tối đa × 100" },
            Array.Empty<object?>(),
            sheet.Scale is { } scale ? Headers.Append($"Điểm quy đổi (thang {Numbers.Vn(scale)} điểm)").ToArray<object?>() : Headers.ToArray<object?>(),
        };
        rows.AddRange(sheet.Units.Select((u, i) => new object?[]
        {
            i + 1, u.Group, u.GroupName, u.Unit, u.Name, u.Rank, u.Total, u.MaxPoints, u.Percent, u.GradeTitle, u.Scaled,
        }));

        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (Cell(rows[r][c], $"{XlsxWriter.ColumnName(c)}{r + 1}", bold: r == 0 || r + 1 == HeaderRow) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = SheetName });
        workbook.Workbook.Save();
    }

    private static Cell? Cell(object? value, string reference, bool bold) => value switch
    {
        null => null,
        decimal number => new Cell
        {
            CellReference = reference, DataType = CellValues.Number, StyleIndex = NumberStyle, CellValue = new CellValue(Numbers.Invariant(number)),
        },
        int or long => new Cell
        {
            CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = bold ? BoldStyle : null,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    /// <summary>Style 1: two decimals ("#,##0.00", shown with the reader's separators); style 2: bold text.</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
        styles.Stylesheet.Save();
    }
}
