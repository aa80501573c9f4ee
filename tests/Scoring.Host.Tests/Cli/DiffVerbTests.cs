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
        Assert.That(result.Out, Does.Contain("T.2"));
        Assert.That(result.Out, Does.Contain("Toàn bộ cán bộ hoàn thành Bình dân học vụ số"));
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
}
