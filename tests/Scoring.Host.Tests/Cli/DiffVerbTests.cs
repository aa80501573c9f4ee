namespace Scoring.Host.Tests.Cli;

public sealed class DiffVerbTests
{
    [Test]
    public void Lists_an_added_criterion()
    {
        using var folder = new TempFolder();
        folder.Write("new.rules.json", RuleSetFixtures.WithAddedBonus());

        var result = CliRunner.Run("diff", TestPaths.ExampleRuleSet, folder.File("new.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("vi-du.day-du@1.0.0 → vi-du.day-du@1.1.0"));
        Assert.That(result.Out, Does.Contain("+ Thêm T.2: Toàn bộ cán bộ hoàn thành Bình dân học vụ số (10, check, bonus)"));
    }

    [Test]
    public void Lists_changed_thresholds_formulas_and_grades()
    {
        using var folder = new TempFolder();
        var changed = RuleSetFixtures.ExampleText
            .Replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal)
            .Replace("{ \"atLeast\": 0.8, \"points\": 20", "{ \"atLeast\": 0.85, \"points\": 20", StringComparison.Ordinal)
            .Replace("{ \"atLeast\": 0.65, \"below\": 0.8,", "{ \"atLeast\": 0.65, \"below\": 0.85,", StringComparison.Ordinal)
            .Replace(">= 0.8m ? 15", ">= 0.9m ? 15", StringComparison.Ordinal)
            .Replace("\"minTotal\": 90 }", "\"minTotal\": 92 }", StringComparison.Ordinal);
        folder.Write("v2.rules.json", changed);

        var result = CliRunner.Run("diff", TestPaths.ExampleRuleSet, folder.File("v2.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.Trim()).ToList();
        Assert.That(lines, Does.Contain("Thay đổi từ phiên bản 1.0.0 sang 2.0.0: 4 thay đổi."));
        Assert.That(lines, Has.Some.StartsWith("~ I.1 bands[0]: [0.8, +∞) → 20").And.Contain("→ [0.85, +∞) → 20"));
        Assert.That(lines, Does.Contain("~ I.1 bands[1]: [0.65, 0.8) → 14 → [0.65, 0.85) → 14"));
        Assert.That(lines, Has.Some.StartsWith("~ II.1 formula: Ratio(staffTrained, staffTotal) >= 0.8m").And.Contain("→ Ratio(staffTrained, staffTotal) >= 0.9m"));
        Assert.That(lines, Does.Contain("~ xuat-sac minTotal: 90 → 92"));
        Assert.That(lines, Has.None.StartsWith("~ I.2"));
    }

    [Test]
    public void With_data_lists_the_units_whose_rank_changes()
    {
        using var folder = new TempFolder();
        folder.Write("new.rules.json", RuleSetFixtures.WithAddedBonus());

        var result = CliRunner.Run("diff", TestPaths.ExampleRuleSet, folder.File("new.rules.json"), "--data", TestPaths.ViDuData, "--year", "2025");

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Ảnh hưởng đến thứ hạng và khen thưởng năm 2025 – Tỉnh Ví Dụ:"));
        // XA03 trained all its staff: +10 bonus, 59 → 69, passing XA02 (63,13).
        Assert.That(result.Out, Does.Contain("C1 XA03 Phường Pleiku: hạng 3 → 2; điểm 59 → 69"));
        Assert.That(result.Out, Does.Contain("C1 XA02 Xã Chư Prông: hạng 2 → 3; điểm 63,13 → 63,13"));
        Assert.That(result.Out, Does.Not.Contain(" XA01 "), "XA01 keeps its rank and award");
    }

    [Test]
    public void Identical_rule_sets_have_no_changes()
    {
        var result = CliRunner.Run("diff", TestPaths.ExampleRuleSet, TestPaths.ExampleRuleSet, "--data", TestPaths.ViDuData, "--year", "2025");

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Không có thay đổi"));
        Assert.That(result.Out, Does.Contain("Không có đơn vị nào đổi thứ hạng hay khen thưởng."));
    }

    [Test]
    public void Data_without_a_year_is_a_usage_error()
    {
        var result = CliRunner.Run("diff", TestPaths.ExampleRuleSet, TestPaths.ExampleRuleSet, "--data", TestPaths.ViDuData);

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--data và --year phải đi cùng nhau"));
    }

    [Test]
    public void With_data_of_a_whole_tenant_compares_only_the_kinds_the_rule_sets_cover()
    {
        // The README's command: Sơn La's departments rule set, 1.0.0 → 1.1.0, on the whole tenant's 2026 data
        // (communes, enterprises, organisations too, which neither version scores).
        var folder = Path.Combine(TestPaths.RepoRoot, "rules-catalog", "son-la", "dmst-cds-2025-2030");

        var result = CliRunner.Run("diff", Path.Combine(folder, "so-ban-nganh.rules.json"), Path.Combine(folder, "so-ban-nganh.v1.1.0.rules.json"),
            "--data", Path.Combine(TestPaths.RepoRoot, "samples", "son-la"), "--year", "2026");

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("~ I.3 method: count → bands"));
        Assert.That(result.Out, Does.Contain("Ảnh hưởng đến thứ hạng và khen thưởng năm 2026 – Tỉnh Sơn La:"));
        Assert.That(result.Err, Does.Not.Contain("locality"));
    }
}

