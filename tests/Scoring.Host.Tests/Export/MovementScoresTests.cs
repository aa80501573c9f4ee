using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoring.Host.Tests.Council;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Export;

/// <summary>
/// The movement's scores for the clusters' general yearly score sheets (issue 14 item 3), from a real run on SQLite and
/// PostgreSQL: the JSON and the .xlsx carry the run id and hashes, Vietnamese headers, numeric two-decimal cells, the scaled
/// points when a scale is asked for; before publication only the run's readers get it, a secretariat its own groups.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class MovementScoresTests(Backend backend)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public async Task The_sheet_is_pinned_to_its_run_and_reads_back_with_Vietnamese_headers_and_numbers()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: false);
        using var admin = world.Admin();
        var run = (await admin.GetFromJsonAsync<RunDto>($"/api/runs/{world.Run}", Web))!;

        var sheet = (await admin.GetFromJsonAsync<MovementScoreSheetDto>($"/api/runs/{world.Run}/movement-scores?scale=7.5", Web))!;

        Assert.That((sheet.Run, sheet.RuleSet, sheet.Version, sheet.RuleSetSha256, sheet.InputsSha256, sheet.ResultSha256, sheet.PublishedAt),
            Is.EqualTo((world.Run, CouncilWorld.RuleSetId, "1.0.0", run.RuleSetSha256, run.InputsSha256, run.ResultSha256, (string?)null)));
        Assert.That(sheet.Units.Select(u => (u.Group, u.Unit, u.Rank, u.Total, u.MaxPoints, u.Percent, u.GradeTitle, u.Scaled)), Is.EqualTo(new[]
        {
            ("khoi-1", "ag-1", 1, 90m, 100m, 90m, "Hoàn thành tốt", (decimal?)6.75m),
            ("khoi-1", "ag-2", 2, 60m, 100m, 60m, "Hoàn thành tốt", (decimal?)4.5m),
            ("khoi-1", "ag-3", 2, 60m, 100m, 60m, "Hoàn thành tốt", (decimal?)4.5m),
        }));

        var response = await admin.GetAsync($"/api/runs/{world.Run}/movement-scores.xlsx?scale=7.5");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            Is.EqualTo($"diem-phong-trao-xa-thu-2027-luot-{world.Run}.xlsx"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = XlsxSheets.Read(bytes)[MovementScoreWriter.SheetName];
        Assert.Multiple(() =>
        {
            Assert.That(rows[0][0], Is.EqualTo("Kết quả phong trào thi đua \"Phong trào thi đua\" năm 2027 – tiêu chí chấm điểm thi đua hằng năm của cụm, khối"));
            Assert.That(rows[3], Is.EqualTo(new[] { "Lượt chấm số", world.Run.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            Assert.That(rows[5], Is.EqualTo(new[] { "SHA-256 bộ tiêu chí", run.RuleSetSha256 }));
            Assert.That(rows[6], Is.EqualTo(new[] { "SHA-256 dữ liệu đầu vào", run.InputsSha256 }));
            Assert.That(rows[8], Is.EqualTo(new[] { "Công bố", "chưa công bố" }));
            Assert.That(rows[9][1], Is.EqualTo("Điểm quy đổi = điểm phong trào / điểm tối đa × 7,5, làm tròn 2 chữ số thập phân"), "vi-VN numbers in text");
            Assert.That(rows[MovementScoreWriter.HeaderRow - 1], Is.EqualTo(MovementScoreWriter.Headers.Append("Điểm quy đổi (thang 7,5 điểm)")));
            Assert.That(rows[MovementScoreWriter.HeaderRow], Is.EqualTo(new[]
                { "1", "khoi-1", "Khối cơ quan xã", "ag-1", "Văn phòng HĐND và UBND xã", "1", "90", "100", "90", "Hoàn thành tốt", "6.75" }));
            Assert.That(rows.Skip(MovementScoreWriter.HeaderRow).Select(r => r[3]), Is.EqualTo(new[] { "ag-1", "ag-2", "ag-3" }));
        });

        // Points are numbers a general sheet can add up, shown with two decimals in the reader's separators.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var total = part.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference!.Value == $"G{MovementScoreWriter.HeaderRow + 1}");
        Assert.That(total.DataType!.Value, Is.EqualTo(CellValues.Number));
        var format = (CellFormat)part.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)total.StyleIndex!.Value);
        var code = part.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.That(code.FormatCode!.Value, Is.EqualTo("#,##0.00"));
    }

    [Test]
    public async Task Before_publication_only_the_runs_readers_get_it_and_a_bad_scale_is_named()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: false);
        using var anonymous = world.Host.ClientFor(Roles.Public);
        using var secretariat = world.Host.ClientFor(Roles.Secretariat, CouncilWorld.Tenant, null, "khoi-9");
        using var appraiser = world.Appraiser();

        Assert.That((await anonymous.GetAsync($"/api/runs/{world.Run}/movement-scores.xlsx")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await secretariat.GetAsync($"/api/runs/{world.Run}/movement-scores")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden),
            "a secretariat of no group of the run");
        Assert.That((await appraiser.GetAsync($"/api/runs/{world.Run}/movement-scores")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var scale in new[] { "0", "-3", "abc", "1001", "7,5" })
        {
            var bad = await appraiser.GetAsync($"/api/runs/{world.Run}/movement-scores?scale={scale}");
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), scale);
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain($"Tham số `scale` '{scale}'"));
        }

        Assert.That((await appraiser.GetAsync("/api/runs/99999/movement-scores")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await TestData.Ensure(await world.Admin().PostAsync($"/api/runs/{world.Run}/publish", null));
        var published = (await anonymous.GetFromJsonAsync<MovementScoreSheetDto>($"/api/runs/{world.Run}/movement-scores", Web))!;
        Assert.That(published.PublishedAt, Is.Not.Null.And.EndsWith("Z"));
        Assert.That(published.Units.Select(u => u.Scaled), Is.All.Null, "no scale asked for");
    }
}
