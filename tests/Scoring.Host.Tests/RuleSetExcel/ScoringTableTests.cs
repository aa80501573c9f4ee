using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoring.Host.RuleSetExcel;
using Scoring.Host.Tests.Cli;
using Scoring.Rules.Versions;

namespace Scoring.Host.Tests.RuleSetExcel;

/// <summary>
/// The Excel scoring table: every catalog rule set exported and imported again is the same rule set (same canonical
/// JSON, so the same sections, criteria, points and bands); a province's own table becomes a draft with its bands read
/// from the Vietnamese text and every row it could not read listed by sheet and row.
/// </summary>
public sealed class ScoringTableTests
{
    private static IEnumerable<string> CatalogFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "rules-catalog"), "*.rules.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(CatalogFiles))]
    public void Every_catalog_rule_set_survives_export_and_import(string file)
    {
        var original = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file));
        using var xlsx = new MemoryStream();
        ScoringTableWriter.Write((JsonObject)JsonNode.Parse(original)!, xlsx);

        var import = ScoringTableReader.Read(xlsx.ToArray());

        Assert.That(import.Unread, Is.Empty);
        var source = (JsonObject)JsonNode.Parse(original)!;
        Assert.That(import.Sections, Is.EqualTo(((JsonArray)source["sections"]!).Count));
        Assert.That(CanonicalJson.FromText(import.Json), Is.EqualTo(CanonicalJson.FromText(original)),
            "the imported rule set is the exported one: same sections, criteria, points, bands and every other property");
    }

    [Test]
    public void A_province_table_becomes_a_draft_with_its_bands_and_the_rows_it_could_not_read()
    {
        var file = Workbook("Bảng điểm",
            ["BẢNG CHẤM ĐIỂM THI ĐUA CHUYỂN ĐỔI SỐ CẤP XÃ"],
            [],
            ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Cách chấm", "Giá trị chấm"],
            ["I", "Hạ tầng và dịch vụ công", "20"],
            ["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "10", "Từ 90% trở lên: 10 điểm; từ 70% đến dưới 90%: 7 điểm; dưới 70%: 0 điểm", "onlineRate"],
            ["2", "Chỉ số DTI", "10", "Trên 0,8: 10 điểm\ntừ 0,65 đến 0,8: 6 điểm\ncòn lại: 0 điểm"],
            ["II", "Bình dân học vụ số", "10"],
            ["1", "Tổ chức phát động phong trào", "5", "Có tổ chức, có minh chứng thì được điểm tối đa"],
            ["2", "Tỷ lệ cán bộ hoàn thành", "5", "Từ 1.000 trở lên: 5 điểm; còn lại: 0 điểm", "staffTrained"],
            ["", "Điểm thưởng", "5"],
            ["T.1", "Sáng kiến được công nhận", "5", "Từ 2 trở lên: 5 điểm; còn lại: 0 điểm", "initiatives"]);

        var import = ScoringTableReader.Read(file);

        var draft = (JsonObject)JsonNode.Parse(import.Json)!;
        Assert.That(draft["title"]!.GetValue<string>(), Is.EqualTo("BẢNG CHẤM ĐIỂM THI ĐUA CHUYỂN ĐỔI SỐ CẤP XÃ"));
        var first = draft["sections"]![0]!["criteria"]![0]!;
        var expected = JsonNode.Parse(
            """{"id":"I.1","title":"Tỷ lệ hồ sơ trực tuyến toàn trình","maxPoints":10,"method":"bands","value":"onlineRate","bands":[{"atLeast":90,"points":10},{"atLeast":70,"below":90,"points":7},{"below":70,"points":0}]}""");
        Assert.That(JsonNode.DeepEquals(first, expected), Is.True, first.ToJsonString());
        var dti = draft["sections"]![0]!["criteria"]![1]!["bands"]!.ToJsonString();
        Assert.That(dti, Is.EqualTo("""[{"above":0.8,"points":10},{"atLeast":0.65,"atMost":0.8,"points":6},{"points":0}]"""));
        Assert.That(draft["sections"]![1]!["criteria"]![0]!["bands"]![0]!["atLeast"]!.GetValue<decimal>(), Is.EqualTo(1000m), "1.000 is a thousand");
        Assert.That(draft["bonus"]!["cap"]!.GetValue<decimal>(), Is.EqualTo(5m));
        Assert.That(draft["bonus"]!["criteria"]![0]!["id"]!.GetValue<string>(), Is.EqualTo("T.1"));
        Assert.That(import.Criteria, Is.EqualTo(4));

        Assert.That(import.Unread.Select(u => (u.Sheet, u.Row)), Is.EqualTo(new[] { ("Bảng điểm", 6), ("Bảng điểm", 8) }));
        Assert.That(import.Unread[0].Reason, Does.Contain("chưa có chỉ số hoặc biểu thức").And.Contain("I.2"));
        Assert.That(import.Unread[1].Reason, Does.Contain("không hiểu «Có tổ chức, có minh chứng thì được điểm tối đa»"));
        Assert.That(import.Unread[1].Text, Does.Contain("Tổ chức phát động phong trào"));
    }

    [Test]
    public void A_workbook_without_the_template_header_is_refused_with_the_columns_it_needs()
    {
        var file = Workbook("Sheet1", ["Tên", "Điểm"], ["A", "1"]);

        Assert.That(() => ScoringTableReader.Read(file), Throws.TypeOf<ExcelTableException>()
            .With.Message.Contains("«STT», «Nội dung tiêu chí», «Điểm tối đa», «Cách chấm»"));
        Assert.That(() => ScoringTableReader.Read("không phải excel"u8.ToArray()), Throws.TypeOf<ExcelTableException>()
            .With.Message.Contains(".xlsx"));
    }

    [Test]
    public void Band_text_reads_the_ways_plans_write_a_band()
    {
        var bands = BandText.Parse("Từ 50% trở xuống: 2 điểm; Trên 50% đến dưới 75%: 3,5 điểm «khá»; ≥ 75%: 5 đ", out _);
        var expected = JsonNode.Parse("""[{"atMost":50,"points":2},{"above":50,"below":75,"points":3.5,"label":"khá"},{"atLeast":75,"points":5}]""");
        Assert.That(JsonNode.DeepEquals(bands, expected), Is.True, bands?.ToJsonString());
        Assert.That(BandText.Parse("Tốt: 5 điểm", out var problem), Is.Null);
        Assert.That(problem, Does.Contain("Tốt"));
    }

    private static byte[] Workbook(string sheetName, params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length > 0)
                    {
                        row.Append(new Cell
                        {
                            CellReference = $"{(char)('A' + c)}{r + 1}",
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(rows[r][c])),
                        });
                    }
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });
        }
        return stream.ToArray();
    }
}
