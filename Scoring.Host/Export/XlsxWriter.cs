using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Host.Export;

/// <summary>
/// The results as an .xlsx workbook in Vietnamese: one sheet per cluster/bloc (ranked list with section points),
/// a sheet "Đề nghị khen thưởng" with the award proposals and a sheet "Thông tin" with the rule sets and hashes.
/// Points are numeric cells; text is inline strings.
/// </summary>
internal static class XlsxWriter
{
    public const string AwardsSheet = "Đề nghị khen thưởng";
    public const string InfoSheet = "Thông tin";
    public const string ReviewSheet = "Thẩm định, Hội đồng";

    /// <param name="reviews">A stored run's proposals with their appraisals, council decisions and revocations: a sheet of their own.</param>
    public static void Write(IReadOnlyList<ExportInput> inputs, string tenantName, Stream stream, IReadOnlyList<ProposalReview>? reviews = null)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Clusters (cụm) before blocs (khối), each by code, whichever rule set scored them.
        var groups = inputs.SelectMany(i => i.Result.Groups.Select(g => (Input: i, Group: g)))
            .OrderBy(x => GroupKind.TryParse(x.Group.Kind, out var kind) ? GroupKind.All.IndexOf(kind) : GroupKind.All.Length)
            .ThenBy(x => x.Group.Code, StringComparer.Ordinal);
        foreach (var (input, group) in groups)
        {
            AddSheet(workbookPart, sheets, UniqueName(names, $"{TableWriter.KindTitle(group.Kind)} {group.Code}"), GroupRows(input, group));
        }

        AddSheet(workbookPart, sheets, UniqueName(names, AwardsSheet), AwardRows(inputs));
        // Only once something was recorded: a run of a movement without the council step has proposals but no appraisal.
        if (reviews is not null && reviews.Any(r => r.Appraisals.Count > 0 || r.Decision is not null || r.Revocation is not null))
        {
            AddSheet(workbookPart, sheets, UniqueName(names, ReviewSheet), ReviewRows(reviews));
        }

        AddSheet(workbookPart, sheets, UniqueName(names, InfoSheet), InfoRows(inputs, tenantName));
        workbookPart.Workbook.Save();
    }

    /// <summary>A workbook of the given sheets (names made valid and unique), cells typed as in <see cref="Write"/>; used by the reports.</summary>
    public static void WriteSheets(IEnumerable<(string Name, IEnumerable<object?[]> Rows)> sheetsToWrite, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, rows) in sheetsToWrite)
        {
            AddSheet(workbookPart, sheets, UniqueName(names, name), rows);
        }

        workbookPart.Workbook.Save();
    }

    private static IEnumerable<object?[]> GroupRows(ExportInput input, GroupResult group)
    {
        var sections = input.RuleSet.Sections;
        yield return [$"{TableWriter.KindTitle(group.Kind)} {group.Code} – {group.Name}, năm {input.Result.Year}"];
        yield return
        [
            "Hạng", "Đồng hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm",
            .. sections.Select(s => (object?)$"{s.Id}. {s.Title} (tối đa {Numbers.Vn(s.MaxPoints)})"),
            "Điểm thưởng", "Điểm trừ", "Xếp loại", "Đề nghị khen thưởng", "Ghi chú",
        ];
        foreach (var unit in group.Ranking)
        {
            yield return
            [
                unit.Rank, unit.Tied ? "có" : string.Empty, unit.Code, unit.Name, unit.Total,
                .. sections.Select(s => (object?)unit.Sections.FirstOrDefault(x => x.Id == s.Id)?.Points),
                unit.Bonus, unit.Penalty, unit.GradeTitle, input.AwardTitle(unit.Award), string.Join("; ", unit.Notes),
            ];
        }
    }

    private static IEnumerable<object?[]> AwardRows(IReadOnlyList<ExportInput> inputs)
    {
        yield return ["Cấp có thẩm quyền", "Hình thức khen thưởng", "Mã cụm/khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Đồng điểm tại ngưỡng", "Lý do"];
        foreach (var (award, tenant) in inputs.SelectMany(i => i.Result.Awards.Select(a => (a, i.RuleSet.Tenant))).ByAuthority(x => x.a.Authority))
        {
            yield return [AuthorityOrder.Describe(award.Authority, tenant), award.AwardTitle, award.Group, award.Rank, award.UnitCode, award.UnitName, award.Total,
                award.TieAtCut ? "có, Hội đồng quyết định" : string.Empty, award.Reason];
        }
    }

    private static IEnumerable<object?[]> ReviewRows(IReadOnlyList<ProposalReview> reviews)
    {
        yield return ["Hình thức đề nghị", "Mã cụm/khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Hình thức sau thẩm định", "Tình trạng", "Thẩm định",
            "Quyết định của Hội đồng", "Số quyết định", "Ngày quyết định", "Thu hồi"];
        foreach (var r in reviews)
        {
            yield return [r.Entry.AwardTitle, r.Entry.GroupCode, r.Entry.Rank, r.Entry.UnitCode, r.Entry.UnitName, r.FinalAwardTitle ?? "(rút đề nghị)",
                CouncilText.Status(r), string.Join("; ", r.Appraisals.Select(CouncilText.Appraisal)), r.Decision is { } d ? CouncilText.Decision(d) : null,
                r.Decision?.DecisionNumber, r.Decision is { } dd ? Display.Date(dd.DecisionDate) : null, r.Revocation is { } v ? CouncilText.Revocation(v) : null];
        }
    }

    private static IEnumerable<object?[]> InfoRows(IReadOnlyList<ExportInput> inputs, string tenantName)
    {
        yield return ["Đơn vị tổ chức phong trào", tenantName];
        yield return ["Năm", inputs.Count > 0 ? inputs[0].Result.Year : null];
        yield return [];
        yield return ["Bộ tiêu chí", "Mã", "Phiên bản", "SHA-256 bộ tiêu chí", "Mã băm dữ liệu đầu vào"];
        foreach (var input in inputs)
        {
            yield return [input.RuleSet.Title, input.Result.RuleSet.Id, input.Result.RuleSet.Version, input.Result.RuleSet.Sha256, input.InputsHash];
        }

        var notes = inputs.SelectMany(i => i.Result.Notes).ToList();
        if (notes.Count > 0)
        {
            yield return [];
            yield return ["Ghi chú"];
            foreach (var note in notes)
            {
                yield return [note];
            }
        }
    }

    internal static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, IEnumerable<object?[]> rows)
    {
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 0;
        foreach (var values in rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = rowIndex };
            for (var column = 0; column < values.Length; column++)
            {
                if (Cell(values[column], $"{ColumnName(column)}{rowIndex}") is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        worksheetPart.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = (uint)sheets.ChildElements.Count + 1,
            Name = name,
        });
    }

    private static Cell? Cell(object? value, string reference) => value switch
    {
        null => null,
        decimal number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Numbers.Invariant(number)) },
        int number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) },
        string text when text.Length == 0 => null,
        _ => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.
    internal static string UniqueName(HashSet<string> used, string wanted)
    {
        var clean = new string(wanted.Select(c => ":\\/?*[]".Contains(c) ? '-' : c).ToArray()).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }
}
