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
        Assert.That(lines, Has.Some.StartsWith($"{file}({RuleSetFixtures.LineOf(text, "\"dtiX\"")},")
            .And.Contain(": lỗi RS0302 $.sections[0].criteria[0].value: Tiêu chí `I.1`, `value`: `dtiX` không phải chỉ số đã khai báo (cột 1 của biểu thức). Có phải bạn định viết `dti`?")
            .And.EndWith(" — Cách sửa: Khai báo chỉ số này trong `indicators` hoặc sửa lại tên."));
        Assert.That(lines, Has.Some.StartsWith($"{file}({RuleSetFixtures.LineOf(text, "\"checkk\"")},")
            .And.Contain(": lỗi RS0104 $.sections[1].criteria[1].method: `method` có giá trị \"checkk\", không phải giá trị được phép. Có phải bạn định viết `check`?"));
        Assert.That(lines, Has.Some.StartsWith($"{file}({RuleSetFixtures.LineOf(text, "\"cao\"")},")
            .And.Contain(": lỗi RS0102 $.grades[1].minTotal: Cần một số nhưng gặp chuỗi \"cao\". — Cách sửa: Ghi một số ở đây."));
        Assert.That(lines, Has.All.Contain(": lỗi RS").And.Contain(" — Cách sửa: "));
        Assert.That(result.Out, Does.Not.Contain("Fix:").And.Not.Contain(" error ").And.Not.Contain(" warning "));
        Assert.That(result.Out, Does.Contain("Đã kiểm tra 1 tệp: 3 lỗi, 0 cảnh báo."));
    }

    [Test]
    public void A_warning_is_shown_in_vietnamese_and_does_not_fail()
    {
        using var folder = new TempFolder();
        var text = RuleSetFixtures.ExampleText.Replace(
            "\"indicators\": [", "\"indicators\": [\n    { \"id\": \"spare\", \"type\": \"number\", \"title\": \"Dư\" },", StringComparison.Ordinal);
        folder.Write("warn.rules.json", text);
        var line = RuleSetFixtures.LineOf(text, "\"spare\"");
        var column = text.Split('\n')[line - 1].IndexOf("\"spare\"", StringComparison.Ordinal) + 1;

        var result = CliRunner.Run("validate", folder.File("warn.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain(
            $"{folder.File("warn.rules.json")}({line},{column}): cảnh báo RS1005 $.indicators[0].id: Chỉ số `spare` đã được khai báo nhưng không tiêu chí, " +
            "mức xếp loại, hình thức khen thưởng hay quy tắc phân định khi bằng điểm nào dùng đến. — Cách sửa: Xoá khai báo này"));
        Assert.That(result.Out, Does.Contain("Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo."));
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
    public void Two_files_named_apart_with_the_same_version_and_other_content_are_a_conflict()
    {
        using var folder = new TempFolder();
        folder.Write("a.rules.json", RuleSetFixtures.ExampleText);
        folder.Write("b.rules.json", RuleSetFixtures.ExampleText.Replace("\"maxPoints\": 15", "\"maxPoints\": 15 ", StringComparison.Ordinal)
            .Replace("\"title\": \"", "\"title\": \"Sửa: ", StringComparison.Ordinal));

        var result = CliRunner.Run("validate", folder.File("a.rules.json"), folder.File("b.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain($"{folder.File("b.rules.json")}(").And.Contain("lỗi RS1101 $.version: `vi-du.day-du@1.0.0` cũng có trong"));
        Assert.That(result.Out, Does.Not.Contain("b.rules.json: hợp lệ"));
    }

    [Test]
    public void A_rule_set_above_the_shared_size_limit_is_refused_without_being_read()
    {
        using var folder = new TempFolder();
        folder.Write("big.rules.json", RuleSetFixtures.ExampleText + new string(' ', global::Scoring.Rules.Loading.RuleSetLoader.MaxBytes));

        var result = CliRunner.Run("validate", folder.File("big.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("lỗi RS0005").And.Contain("vượt giới hạn 2 MB"));
        Assert.That(result.Out, Does.Contain("Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo."));
    }

    [Test]
    public void A_missing_path_is_a_usage_error()
    {
        var result = CliRunner.Run("validate", "/no/such.rules.json");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("Không tìm thấy tệp hay thư mục: '/no/such.rules.json'."));
    }
}
