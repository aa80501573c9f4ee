namespace Scoring.Host.Tests.Cli;

public sealed class ValidateVerbTests
{
    [Test]
    public void A_valid_rule_set_passes_with_a_summary()
    {
        var result = CliRunner.Run("validate", TestPaths.ExampleRuleSet);

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("vi-du-day-du.rules.json: hợp lệ (vi-du.day-du@1.0.0, SHA-256 "));
        Assert.That(result.Out, Does.Contain("Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo."));
    }

    [Test]
    public void A_broken_rule_set_lists_every_error_with_its_position_and_exits_1()
    {
        using var folder = new TempFolder();
        var text = RuleSetFixtures.Broken();
        folder.Write("broken.rules.json", text);
        var file = folder.File("broken.rules.json");

        var result = CliRunner.Run("validate", folder.Path);

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        var lines = result.Out.Split('\n').Where(l => l.StartsWith(file + "(", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(3), result.Out);
        Assert.That(lines, Has.Some.StartsWith($"{file}({RuleSetFixtures.LineOf(text, "\"dtiX\"")},").And.Contain("$.sections[0].criteria[0].value").And.Contain("dtiX"));
        Assert.That(lines, Has.Some.StartsWith($"{file}({RuleSetFixtures.LineOf(text, "\"checkk\"")},").And.Contain("$.sections[1].criteria[1].method"));
        Assert.That(lines, Has.Some.StartsWith($"{file}({RuleSetFixtures.LineOf(text, "\"cao\"")},").And.Contain("$.grades[1].minTotal"));
        Assert.That(lines, Has.All.Contain(": lỗi RS").And.Contain(" — Sửa: "));
        Assert.That(result.Out, Does.Contain("Đã kiểm tra 1 tệp: 3 lỗi, 0 cảnh báo."));
    }

    [Test]
    public void Several_paths_are_checked_together()
    {
        using var folder = new TempFolder();
        folder.Write("broken.rules.json", RuleSetFixtures.Broken());

        var result = CliRunner.Run("validate", TestPaths.ExampleRuleSet, folder.File("broken.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain("Đã kiểm tra 2 tệp: 3 lỗi, 0 cảnh báo."));
    }

    [Test]
    public void A_missing_path_is_a_usage_error()
    {
        var result = CliRunner.Run("validate", "/no/such.rules.json");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("Không tìm thấy tệp hay thư mục: '/no/such.rules.json'."));
    }
}
