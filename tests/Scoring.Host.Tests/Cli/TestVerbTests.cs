namespace Scoring.Host.Tests.Cli;

public sealed class TestVerbTests
{
    [Test]
    public void Passing_cases_exit_0()
    {
        using var folder = new TempFolder();
        // dti 0.812 is in the first band (20); 40% online against a target of 80% is half of 15; 1 initiative × 2.
        folder.Write("ok.rules.json", RuleSetFixtures.WithExpectations("\"I.1\": 20, \"I.2\": 7.5, \"II.2\": 10, \"T.1\": 2"));

        var result = CliRunner.Run("test", folder.Path);

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("ok.rules.json: vi-du.day-du@1.0.0"));
        Assert.That(result.Out, Does.Contain("  ĐẠT      Xã đạt đủ các chỉ tiêu chính, nộp báo cáo trễ 2 ngày"));
        Assert.That(result.Out, Does.Contain("Tổng cộng: 1 ca đạt, 0 ca không đạt."));
    }

    [Test]
    public void A_failing_case_shows_expected_and_actual_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("wrong.rules.json", RuleSetFixtures.WithExpectations("\"I.1\": 20, \"I.2\": 8"));

        var result = CliRunner.Run("test", folder.File("wrong.rules.json"));

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("  KHÔNG ĐẠT Xã đạt đủ các chỉ tiêu chính, nộp báo cáo trễ 2 ngày"));
        Assert.That(result.Out, Does.Contain("      tiêu chí I.2: mong đợi 8, thực tế 7.5 ("));
        Assert.That(result.Out, Does.Contain("($.tests[0].expect.criteria['I.2'])"));
        Assert.That(result.Out, Does.Not.Contain("I.1: mong đợi"));
        Assert.That(result.Out, Does.Contain("Tổng cộng: 0 ca đạt, 1 ca không đạt."));
    }

    [Test]
    public void Total_and_grade_mismatches_are_named_in_vietnamese()
    {
        using var folder = new TempFolder();
        folder.Write("grade.rules.json", RuleSetFixtures.ExampleText
            .Replace("\"total\": 86,", "\"total\": 90,", StringComparison.Ordinal)
            .Replace("\"grade\": \"tot\"", "\"grade\": \"xuat-sac\"", StringComparison.Ordinal));

        var result = CliRunner.Run("test", folder.Path);

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("      tổng điểm: mong đợi 90, thực tế 86 ($.tests[0].expect.total)"));
        Assert.That(result.Out, Does.Contain("      xếp loại: mong đợi xuat-sac, thực tế tot ($.tests[0].expect.grade)"));
    }

    [Test]
    public void A_rule_set_that_does_not_load_counts_as_a_failure()
    {
        using var folder = new TempFolder();
        folder.Write("broken.rules.json", RuleSetFixtures.Broken());

        var result = CliRunner.Run("test", folder.Path);

        Assert.That(result.Exit, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain("broken.rules.json: không chạy được kiểm thử vì bộ tiêu chí có 3 lỗi:"));
        Assert.That(result.Out, Does.Contain("1 bộ tiêu chí không chạy được."));
    }
}
