using Scoring.Engine.Model;
using Scoring.Rules.Loading;

namespace Scoring.Host.Tests.Cli;

public sealed class ScoringPipelineTests
{
    private static ScoringInput Data(string folder, params RuleSetDocument[] ruleSets)
    {
        // As the command line reads it: the rule sets' declarations, then the shared vocabulary.
        var result = DataFolderReader.Read(folder, IndicatorCatalog.FromRuleSets(ruleSets.Select(r => r.RuleSet)).With(IndicatorCatalog.FromCsv(TestPaths.IndicatorsCsv, [])));
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        return result.Dataset!.Input;
    }

    private static RuleSetDocument Example() => RuleSetFixtures.Load(TestPaths.ExampleRuleSet);

    /// <summary>The fixture plus a 2026 year: the same clusters and values without the dissolved XA05.</summary>
    private static TempFolder WithYear2026()
    {
        var folder = new TempFolder(TestPaths.ViDuData);
        File.WriteAllLines(folder.File("groups-2026.csv"), File.ReadAllLines(folder.File("groups-2025.csv")).Where(l => !l.Contains("XA05", StringComparison.Ordinal)));
        File.WriteAllLines(folder.File("submissions-2026.csv"), File.ReadAllLines(folder.File("submissions-2025.csv")).Where(l => !l.StartsWith("XA05", StringComparison.Ordinal)));
        File.WriteAllLines(folder.File("reports-2026.csv"), File.ReadAllLines(folder.File("reports-2025.csv")).Where(l => !l.StartsWith("XA05", StringComparison.Ordinal)).Select(l => l.Replace("2025-", "2026-", StringComparison.Ordinal)));
        return folder;
    }

    [Test]
    public void Builds_one_request_with_dissolved_units_and_only_declared_values()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA01,dtiSociety,0.5,\n");
        var example = Example();

        var run = new ScoringPipeline().Run([example], Data(folder.Path, example), 2025);

        Assert.That(run.Problems, Is.Empty);
        var request = run.Runs.Single().Request;
        Assert.That(request.Groups.Select(g => (g.Code, g.Members.Length)), Is.EqualTo(new[] { ("C1", 4), ("C2", 3) }));
        Assert.That(request.Units.Single(u => u.Code == "XA05").Dissolved, Is.True);
        Assert.That(request.Units.Single(u => u.Code == "XA01").Dissolved, Is.False);
        Assert.That(request.Units.Single(u => u.Code == "XA01").Values.Keys, Does.Contain("reportSubmittedOn").And.Not.Contain("dtiSociety"));
    }

    [Test]
    public void Earlier_years_are_scored_first_and_history_follows_successors()
    {
        using var folder = WithYear2026();
        var example = Example();

        var run = new ScoringPipeline().Run([example], Data(folder.Path, example), 2026);

        Assert.That(run.Problems, Is.Empty, string.Join("\n", run.Problems));
        var history = run.Runs.Single().Request.History;
        // 2024 from history.csv: XA01's own "tot" and XA05's "xuat-sac" + "giay-khen" → the best of each.
        Assert.That(history, Does.Contain(new HistoryRecord("XA01", 2024, "xuat-sac", "giay-khen")));
        // 2025 computed from the data: XA01 led C1 with the flag; XA05 (merged into XA01) adds nothing better.
        Assert.That(history, Does.Contain(new HistoryRecord("XA01", 2025, "xuat-sac", "co-thi-dua-tinh")));
        Assert.That(history, Does.Contain(new HistoryRecord("XA04", 2025, "chua-hoan-thanh", null)));
        Assert.That(history.Select(h => h.UnitCode), Does.Not.Contain("XA05"), "XA05 is not scored in 2026");
    }

    [Test]
    public void A_decided_outcome_in_history_csv_wins_over_the_computed_one()
    {
        using var folder = WithYear2026();
        File.AppendAllText(folder.File("history.csv"), "XA02,2025,tot,bang-khen-chu-tich\n");
        var example = Example();

        var run = new ScoringPipeline().Run([example], Data(folder.Path, example), 2026);

        Assert.That(run.Runs.Single().Request.History, Does.Contain(new HistoryRecord("XA02", 2025, "tot", "bang-khen-chu-tich")));
    }

    [Test]
    public void The_inputs_hash_is_stable_and_changes_with_any_input()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        var example = Example();
        var first = new ScoringPipeline().Run([example], Data(folder.Path, example), 2025).Runs.Single().InputsHash;
        var second = new ScoringPipeline().Run([example], Data(folder.Path, example), 2025).Runs.Single().InputsHash;

        var text = File.ReadAllText(folder.File("submissions-2025.csv"));
        folder.Write("submissions-2025.csv", text.Replace("XA03,pas766,70,", "XA03,pas766,70.5,", StringComparison.Ordinal));
        var changed = new ScoringPipeline().Run([example], Data(folder.Path, example), 2025).Runs.Single().InputsHash;

        Assert.That(first, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(changed, Is.Not.EqualTo(first));
    }

    [Test]
    public void The_highest_version_of_a_rule_set_applies()
    {
        using var folder = new TempFolder();
        folder.Write("v12.rules.json", RuleSetFixtures.ForKinds("vi-du.day-du", "1.12.0", "locality"));
        folder.Write("v9.rules.json", RuleSetFixtures.ForKinds("vi-du.day-du", "1.9.0", "locality"));
        var documents = new[] { RuleSetFixtures.Load(folder.File("v9.rules.json")), Example(), RuleSetFixtures.Load(folder.File("v12.rules.json")) };

        var run = new ScoringPipeline().Run(documents, Data(TestPaths.ViDuData, documents), 2025);

        Assert.That(run.Runs.Single().Result.RuleSet.Version, Is.EqualTo("1.12.0"));
    }

    [Test]
    public void Two_different_rule_sets_for_the_same_kind_are_a_problem()
    {
        using var folder = new TempFolder();
        folder.Write("other.rules.json", RuleSetFixtures.ForKinds("vi-du.khac", "1.0.0", "locality"));
        var documents = new[] { Example(), RuleSetFixtures.Load(folder.File("other.rules.json")) };

        var run = new ScoringPipeline().Run(documents, Data(TestPaths.ViDuData, documents), 2025);

        Assert.That(run.Succeeded, Is.False);
        Assert.That(run.Problems.Single(), Does.StartWith("Có 2 bộ tiêu chí khác nhau cùng áp dụng cho đơn vị loại «locality» năm 2025: vi-du.day-du@1.0.0"));
    }

    [Test]
    public void A_kind_without_rule_set_is_a_problem_that_names_what_was_loaded()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        folder.Write("units.csv", File.ReadAllText(folder.File("units.csv")).Replace("XA07,Xã Ia Pa,locality", "XA07,Xã Ia Pa,enterprise", StringComparison.Ordinal));
        var example = Example();

        var run = new ScoringPipeline().Run([example], Data(folder.Path, example), 2025);

        Assert.That(run.Problems.Single(), Does.StartWith("Không có bộ tiêu chí nào cho đơn vị loại «enterprise» của vi-du (phong trào dmst-cds-2025-2030) năm 2025; đã đọc: vi-du.day-du@1.0.0 (tenant vi-du"));
    }

    [Test]
    public void A_group_with_kinds_under_different_rule_sets_is_split_with_a_note()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        folder.Write("units.csv", File.ReadAllText(folder.File("units.csv")).Replace("XA04,Xã Đak Đoa,locality", "XA04,Xã Đak Đoa,department", StringComparison.Ordinal));
        using var rules = new TempFolder();
        rules.Write("so-nganh.rules.json", RuleSetFixtures.ForKinds("vi-du.so-nganh", "1.0.0", "department"));
        var documents = new[] { Example(), RuleSetFixtures.Load(rules.File("so-nganh.rules.json")) };

        var run = new ScoringPipeline().Run(documents, Data(folder.Path, documents), 2025);

        Assert.That(run.Problems, Is.Empty, string.Join("\n", run.Problems));
        Assert.That(run.Runs.Select(r => r.Document.RuleSet.Id), Is.EqualTo(new[] { "vi-du.day-du", "vi-du.so-nganh" }));
        var department = run.Runs[1].Request.Groups.Single();
        Assert.That((department.Code, department.Members.Single()), Is.EqualTo(("C1", "XA04")));
        Assert.That(run.Runs[0].Request.Groups.Single(g => g.Code == "C1").Members, Is.EqualTo(new[] { "XA01", "XA02", "XA03" }));
        Assert.That(run.Notes.Single(), Does.StartWith("Cụm/khối C1 có đơn vị thuộc 2 bộ tiêu chí"));
    }
}
