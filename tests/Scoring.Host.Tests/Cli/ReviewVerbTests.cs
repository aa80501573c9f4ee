using Newtonsoft.Json.Linq;

namespace Scoring.Host.Tests.Cli;

/// <summary>The review verb on the example rule set with a phase 2025–2026 added, and the vi-du data over two years.</summary>
public sealed class ReviewVerbTests
{
    private const string Phase = """
        {
          "id": "2025-2026", "title": "Giai đoạn thử (2025–2026), sơ kết năm 2026", "years": { "from": 2025, "to": 2026 },
          "measures": [
            { "id": "meanTotal", "title": "Điểm bình quân", "method": "meanTotal" },
            { "id": "yearsExcellent", "title": "Số năm xuất sắc", "method": "yearsAtGrade", "grade": "xuat-sac" },
            { "id": "initiatives", "title": "Sáng kiến", "method": "sum", "indicator": "initiativesRecognised" }
          ],
          "rankBy": ["meanTotal", "yearsExcellent"], "gradeBy": "meanTotal",
          "awards": [ { "id": "bang-khen-so-ket", "title": "Bằng khen sơ kết", "precedence": 20, "maxRank": 1, "quota": { "perGroup": 1 } } ]
        }
        """;

    /// <summary>A rules folder with the phase, and the vi-du data with 2026 = 2025 with one unit's values lowered.</summary>
    private static (TempFolder Rules, TempFolder Data) Inputs()
    {
        var rules = new TempFolder();
        var ruleSet = JObject.Parse(File.ReadAllText(TestPaths.ExampleRuleSet));
        ruleSet["version"] = "9.0.0";
        ruleSet["phases"] = JArray.Parse($"[{Phase}]");
        rules.Write("vi-du.rules.json", ruleSet.ToString());
        var data = new TempFolder(TestPaths.ViDuData);
        foreach (var kind in new[] { "groups", "reports", "submissions" })
        {
            var text = File.ReadAllText(data.File($"{kind}-2025.csv")).Replace("2025-11", "2026-11", StringComparison.Ordinal);
            data.Write($"{kind}-2026.csv", kind == "submissions" ? text.Replace("XA01,dti,0.85", "XA01,dti,0.45", StringComparison.Ordinal) : text);
        }
        return (rules, data);
    }

    [Test]
    public void Table_ShowsEachGroupsPhaseRanking_TheRunsCounted_AndTheProposals()
    {
        var (rules, data) = Inputs();
        using var _ = rules;
        using var __ = data;

        var result = CliRunner.Run("review", "--rules", rules.Path, "--data", data.Path, "--phase", "2025-2026");

        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(result.Out, Does.Contain("Giai đoạn thử (2025–2026), sơ kết năm 2026 – Tỉnh Ví Dụ"));
        Assert.That(result.Out, Does.Contain("Kết quả hằng năm đã dùng: 2025 vi-du.day-du@9.0.0 (dữ liệu ").And.Contain("; 2026 vi-du.day-du@9.0.0"));
        Assert.That(result.Out, Does.Match(@"–  XA05 .* \(không xếp hạng\)"), "the dissolved unit is shown without a rank");
        Assert.That(result.Out, Does.Contain("Điểm bình quân").And.Contain("Xếp loại giai đoạn"));
        Assert.That(result.Out, Does.Contain("Đề nghị khen thưởng giai đoạn"));
    }

    [Test]
    public void Json_IsByteIdenticalAcrossRuns_AndTheMeanIsOfBothYears()
    {
        var (rules, data) = Inputs();
        using var _ = rules;
        using var __ = data;
        string[] args = ["review", "--rules", rules.Path, "--data", data.Path, "--phase", "2025-2026", "--format", "json"];

        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);

        Assert.That(first.Exit, Is.EqualTo(0), first.Err);
        Assert.That(second.Out, Is.EqualTo(first.Out));
        var review = JObject.Parse(first.Out);
        var xa01 = review["groups"]!.SelectMany(g => g["ranking"]!).First(u => (string?)u["code"] == "XA01");
        var totals = xa01["years"]!.Select(y => (decimal)y["total"]!).ToList();
        Assert.That(totals, Has.Count.EqualTo(2));
        Assert.That(totals[1], Is.LessThan(totals[0]), "XA01's 2026 DTI was lowered");
        Assert.That((decimal)xa01["measures"]![0]!["value"]!, Is.EqualTo(Math.Round((totals[0] + totals[1]) / 2, 2, MidpointRounding.AwayFromZero)));
        Assert.That(review["awards"]!.All(a => (int)a["rank"]! == 1), Is.True);
    }

    [Test]
    public void UnknownPhase_IsExitCode2_NamingTheDeclaredPhases()
    {
        var (rules, data) = Inputs();
        using var _ = rules;
        using var __ = data;

        var result = CliRunner.Run("review", "--rules", rules.Path, "--data", data.Path, "--phase", "2027-2030");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("khai báo giai đoạn «2027-2030»").And.Contain("2025-2026"));
    }

    [Test]
    public void MissingReviewYear_IsExitCode2_Explained()
    {
        var (rules, data) = Inputs();
        using var _ = rules;
        using var __ = data;
        File.Delete(data.File("groups-2026.csv"));

        var result = CliRunner.Run("review", "--rules", rules.Path, "--data", data.Path, "--phase", "2025-2026");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("groups-2026.csv"));
    }
}
