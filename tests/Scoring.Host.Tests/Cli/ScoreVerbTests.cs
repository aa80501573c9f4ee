using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoring.Host.Tests.Cli;

public sealed class ScoreVerbTests
{
    [Test]
    public void Table_lists_each_cluster_ranked_with_grade_and_award()
    {
        var result = CliRunner.Run(CliRunner.With("score"));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines, Does.Contain("Cụm C1 – Cụm thi đua số 1 (4 đơn vị)"));
        Assert.That(lines, Does.Contain("Cụm C2 – Cụm thi đua số 2 (3 đơn vị)"));
        Assert.That(lines, Has.Some.Match(@"^Hạng\s+Mã\s+Tên đơn vị\s+Tổng điểm\s+Xếp loại\s+Đề nghị khen thưởng$"));

        // XA01: 20 + 15 + 15 + 10 (section I) + 15 + 10 + 14 (one day late) + 6 bonus = 105 (padded to the group's two decimals).
        Assert.That(lines, Has.Some.Match(@"^\s+1\s+XA01\s+Xã Ia Băng\s+105,00\s+Hoàn thành xuất sắc nhiệm vụ\s+Cờ thi đua của UBND tỉnh$"));
        // The dissolved unit XA05 is ranked but never proposed for an award.
        Assert.That(lines.Single(l => l.Contains("XA05", StringComparison.Ordinal) && l.Contains("Hoàn thành", StringComparison.Ordinal)), Does.Not.Contain("Cờ").And.Not.Contain("Bằng khen").And.Not.Contain("Giấy khen"));
        Assert.That(result.Out, Does.Contain("Đề nghị khen thưởng (1):"));
    }

    [Test]
    public void Table_pads_each_groups_totals_to_the_same_decimals_so_the_column_lines_up_on_the_comma()
    {
        var result = CliRunner.Run("score", "--rules", Path.Combine(TestPaths.RepoRoot, "rules-catalog", "ia-bang"),
            "--data", Path.Combine(TestPaths.RepoRoot, "samples", "ia-bang"), "--year", "2025");

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        var totals = result.Out.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s+\d+=?\s+IB-A\d+\s.*?\s(\d+(,\d+)?)\s{2,}"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.That(totals, Has.Count.EqualTo(10), "the agencies' bloc has ten members");
        Assert.That(totals.Select(t => t.Length - t.IndexOf(',', StringComparison.Ordinal)).Distinct().ToList(), Has.Count.EqualTo(1),
            "every total of the bloc has as many decimals as the longest: " + string.Join(" ", totals));
        Assert.That(totals, Does.Contain("77,30"), "Phòng Kinh tế's 77,3 is padded beside 78,45");
    }

    [Test]
    public void Table_shows_ties_as_rank_with_equals_sign()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        // XA04 submits exactly what XA03 submitted, at the same instant: every key of the ranking is equal.
        var lines = File.ReadAllLines(folder.File("submissions-2025.csv"))
            .Where(l => !l.StartsWith("XA04,", StringComparison.Ordinal)).ToList();
        lines.AddRange(lines.Where(l => l.StartsWith("XA03,", StringComparison.Ordinal)).Select(l => "XA04" + l[4..]).ToList());
        File.WriteAllLines(folder.File("submissions-2025.csv"), lines);
        File.AppendAllText(folder.File("reports-2025.csv"), string.Empty);
        var reports = File.ReadAllText(folder.File("reports-2025.csv")).Replace("XA04,2025-11-20T02:00:00Z", "XA04,2025-11-10T16:59:59Z", StringComparison.Ordinal);
        folder.Write("reports-2025.csv", reports);

        var result = CliRunner.Run(CliRunner.With("score", folder.Path));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Match(@"\n\s+3=\s+XA03\s"));
        Assert.That(result.Out, Does.Match(@"\n\s+3=\s+XA04\s"));
    }

    [Test]
    public void Json_is_the_engines_result()
    {
        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "json"]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("ruleSet").GetProperty("id").GetString(), Is.EqualTo("vi-du.day-du"));
        Assert.That(root.GetProperty("year").GetInt32(), Is.EqualTo(2025));
        var groups = root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("code").GetString()).ToList();
        Assert.That(groups, Is.EqualTo(new[] { "C1", "C2" }));

        var again = CliRunner.Run(CliRunner.With("score", extra: ["--format", "json"]));
        Assert.That(again.Out, Is.EqualTo(result.Out), "same inputs, same bytes");
    }

    [Test]
    public void Json_for_a_year_with_two_rule_sets_is_an_array_of_results()
    {
        using var data = new TempFolder(TestPaths.ViDuData);
        data.Write("units.csv", File.ReadAllText(data.File("units.csv")).Replace("XA04,Xã Đak Đoa,locality", "XA04,Xã Đak Đoa,department", StringComparison.Ordinal));
        using var rules = new TempFolder();
        rules.Write("xa.rules.json", RuleSetFixtures.ExampleText);
        rules.Write("so-nganh.rules.json", RuleSetFixtures.ForKinds("vi-du.so-nganh", "1.0.0", "department"));

        var result = CliRunner.Run("score", "--rules", rules.Path, "--data", data.Path, "--year", "2025", "--format", "json");

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var ids = json.RootElement.EnumerateArray().Select(r => r.GetProperty("ruleSet").GetProperty("id").GetString()).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "vi-du.day-du", "vi-du.so-nganh" }));
        Assert.That(result.Err, Does.Contain("Ghi chú: Cụm/khối C1 có đơn vị thuộc 2 bộ tiêu chí"));
    }

    [Test]
    public void Csv_has_vietnamese_headers_and_invariant_numbers()
    {
        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "csv"]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        var (records, errors) = CsvText.Parse(result.Out);
        Assert.That(errors, Is.Empty);
        Assert.That(records[0].Fields, Does.Contain("Tên đơn vị").And.Contain("Tổng điểm").And.Contain("Đề nghị khen thưởng"));
        Assert.That(records, Has.Length.EqualTo(8), "a header and the 7 units");
        var total = records[0].Fields.IndexOf("Tổng điểm");
        var name = records[0].Fields.IndexOf("Tên đơn vị");
        var xa01 = records.Single(r => r.Fields.Contains("XA01"));
        Assert.That(xa01.Fields[total], Is.EqualTo("105"));
        var xa05 = records.Single(r => r.Fields.Contains("XA05"));
        Assert.That(xa05.Fields[name], Is.EqualTo("Xã Ia Grai \"cũ\", trước sáp nhập"), "quoted on the way out, read back intact");
    }

    [Test]
    public void Csv_to_a_file_is_written_atomically()
    {
        using var folder = new TempFolder();
        var target = folder.File("ket-qua.csv");
        File.WriteAllText(target, "old content");

        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "csv", "--out", target]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Is.Empty);
        Assert.That(File.ReadAllText(target), Does.StartWith("Năm,Bộ tiêu chí,"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { target }), "no temporary file left behind");
    }

    [Test]
    public void Xlsx_has_a_sheet_per_cluster_and_the_award_sheet_in_vietnamese()
    {
        using var folder = new TempFolder();
        var target = folder.File("ket-qua.xlsx");

        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "xlsx", "--out", target]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        using var document = SpreadsheetDocument.Open(target, false);
        Assert.That(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description), Is.Empty);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.That(sheets.Select(s => s.Name!.Value), Is.EqualTo(new[] { "Cụm C1", "Cụm C2", "Đề nghị khen thưởng", "Thông tin" }));

        var c1 = Rows(workbook, sheets[0]);
        Assert.That(c1[1], Does.Contain("Tên đơn vị").And.Contain("Tổng điểm").And.Contain("Xếp loại").And.Contain("Đề nghị khen thưởng"));
        Assert.That(c1[1], Has.Some.StartsWith("I. Chuyển đổi số và dịch vụ công trực tuyến"));
        var totalColumn = c1[1].IndexOf("Tổng điểm");
        var xa01 = c1.Single(r => r.Contains("XA01"));
        Assert.That(xa01[totalColumn], Is.EqualTo("105"));
        var totalCell = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!.Value!))
            .Worksheet.Descendants<Cell>().Single(c => c.CellReference!.Value == $"{(char)('A' + totalColumn)}3");
        Assert.That(totalCell.DataType!.Value, Is.EqualTo(CellValues.Number), "points are numeric cells");

        var awards = Rows(workbook, sheets[2]);
        Assert.That(awards[0], Does.Contain("Hình thức khen thưởng").And.Contain("Lý do"));
        Assert.That(awards[1], Does.Contain("Cờ thi đua của UBND tỉnh").And.Contain("XA01").And.Contain("Xã Ia Băng"));
    }

    [Test]
    public void An_output_file_in_a_missing_folder_is_a_clear_error()
    {
        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "csv", "--out", "/no/such/folder/kq.csv"]));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--out: thư mục '/no/such/folder' không tồn tại."));
    }

    [Test]
    public void Xlsx_needs_an_output_file()
    {
        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "xlsx"]));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("Định dạng xlsx cần --out <tệp.xlsx>"));
    }

    [Test]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = CliRunner.Run(CliRunner.With("score", extra: ["--format", "pdf"]));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--format phải là một trong: table, json, csv, xlsx (không phải 'pdf')."));
    }

    [Test]
    public void A_malformed_data_row_is_reported_with_file_line_and_column_without_stack_trace()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA07,dti,0,6,\nXA07,pas766,abc,\n");
        var lineCount = File.ReadAllLines(folder.File("submissions-2025.csv")).Length;

        var result = CliRunner.Run(CliRunner.With("score", folder.Path));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"Dữ liệu trong '{folder.Path}' có 2 lỗi:"));
        Assert.That(result.Err, Does.Contain($"submissions-2025.csv, dòng {lineCount - 1}: có 5 trường nhưng dòng tiêu đề có 4 cột"));
        Assert.That(result.Err, Does.Contain($"submissions-2025.csv, dòng {lineCount}, cột value: XA07, pas766: «abc» không phải số"));
        Assert.That(result.HasStackTrace, Is.False);
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void A_rule_set_with_errors_stops_scoring_with_the_errors()
    {
        using var folder = new TempFolder();
        folder.Write("broken.rules.json", RuleSetFixtures.Broken());

        var result = CliRunner.Run("score", "--rules", folder.Path, "--data", TestPaths.ViDuData, "--year", "2025");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"--rules '{folder.Path}' có 3 lỗi"));
        Assert.That(result.Err, Does.Contain("dtiX"));
    }

    /// <summary>Each row as a list indexed by column (empty cells are absent from the file, so place cells by reference).</summary>
    private static List<List<string>> Rows(WorkbookPart workbook, Sheet sheet) =>
        ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
            .Select(r =>
            {
                var cells = r.Elements<Cell>().ToList();
                var row = new List<string>();
                foreach (var cell in cells)
                {
                    var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
                    while (row.Count <= column)
                    {
                        row.Add(string.Empty);
                    }

                    row[column] = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
                }

                return row;
            })
            .ToList();
}
