
namespace Scoring.Host.Tests.Cli;

public sealed class CommandLineTests
{
    [Test]
    public void Without_arguments_prints_usage_and_exits_2()
    {
        var result = CliRunner.Run();

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("Cách dùng: scoring <lệnh>"));
        Assert.That(result.Err, Does.Contain("explain --rules"));
    }

    [Test]
    public void Help_lists_every_verb_and_exits_0()
    {
        var result = CliRunner.Run("--help");

        Assert.That(result.Exit, Is.EqualTo(0));
        foreach (var verb in new[] { "validate", "test", "score", "explain", "diff", "token" })
        {
            Assert.That(result.Out, Does.Contain($"  {verb} "), verb);
        }
    }

    [Test]
    public void A_verb_help_describes_its_options()
    {
        var result = CliRunner.Run("score", "--help");

        Assert.That(result.Exit, Is.EqualTo(0));
        Assert.That(result.Out, Does.Contain("--format <định dạng>"));
        Assert.That(result.Out, Does.Contain("table (mặc định), json, csv hoặc xlsx"));
    }

    [Test]
    public void An_unknown_verb_is_a_usage_error()
    {
        var result = CliRunner.Run("rank", "x");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("Lỗi: lệnh không hợp lệ 'rank'."));
    }

    [TestCase(new[] { "score", "--rulez", "x" }, "Tùy chọn không hợp lệ '--rulez' cho lệnh score.")]
    [TestCase(new[] { "score", "--rules" }, "Thiếu giá trị cho --rules (cần <thư mục>).")]
    [TestCase(new[] { "score", "--rules", "a", "--data", "b" }, "Lệnh score cần tùy chọn --year.")]
    [TestCase(new[] { "score", "--rules", "a", "--data", "b", "--year", "25" }, "--year phải là năm gồm bốn chữ số (ví dụ 2025), không phải '25'.")]
    [TestCase(new[] { "score", "--rules", "a", "--data", "b", "--year=20x5" }, "--year phải là năm gồm bốn chữ số (ví dụ 2025), không phải '20x5'.")]
    [TestCase(new[] { "score", "--rules", "a", "--rules", "b" }, "Tùy chọn --rules được cho hai lần.")]
    [TestCase(new[] { "diff", "old.json" }, "Thiếu đối số. Cách dùng: scoring diff <cũ> <mới>")]
    [TestCase(new[] { "validate" }, "Thiếu đối số. Cách dùng: scoring validate")]
    public void Usage_mistakes_give_a_clear_message_and_exit_2(string[] args, string message)
    {
        var result = CliRunner.Run(args);

        Assert.That(result.Exit, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain(message));
        Assert.That(result.HasStackTrace, Is.False);
    }

    [Test]
    public void A_missing_rules_or_data_folder_is_named()
    {
        var rules = CliRunner.Run("score", "--rules", "/no/such/rules", "--data", TestPaths.ViDuData, "--year", "2025");
        var data = CliRunner.Run(CliRunner.With("score", data: "/no/such/data"));

        Assert.That(rules.Exit, Is.EqualTo(2));
        Assert.That(rules.Err, Does.Contain("--rules: không tìm thấy tệp hay thư mục '/no/such/rules'."));
        Assert.That(data.Exit, Is.EqualTo(2));
        Assert.That(data.Err, Does.Contain("--data: không tìm thấy thư mục dữ liệu '/no/such/data'."));
        Assert.That(rules.HasStackTrace || data.HasStackTrace, Is.False);
    }

    [Test]
    public void A_year_without_data_is_a_clear_error()
    {
        var result = CliRunner.Run(CliRunner.With("score", year: "2027"));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("Dữ liệu không có cụm/khối năm 2027 (thiếu tệp groups-2027.csv"));
        Assert.That(result.Err, Does.Contain("các năm có dữ liệu: 2025"));
    }

    [Test]
    public void An_unexpected_error_is_one_line_without_stack_trace_unless_verbose()
    {
        IVerb[] verbs = [new FailingVerb()];
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var verboseError = new StringWriter();

        var exit = CommandLine.RunAsync(["boom"], output, error, verbs).GetAwaiter().GetResult();
        var verboseExit = CommandLine.RunAsync(["boom", "--verbose"], output, verboseError, verbs).GetAwaiter().GetResult();

        Assert.That(exit, Is.EqualTo(3));
        Assert.That(error.ToString(), Is.EqualTo($"Lỗi không mong đợi (InvalidOperationException): hỏng{Environment.NewLine}Chạy lại với --verbose để xem chi tiết.{Environment.NewLine}"));
        Assert.That(verboseExit, Is.EqualTo(3));
        Assert.That(verboseError.ToString(), Does.Contain("   at ").And.Contain(nameof(FailingVerb)));
    }

    private sealed class FailingVerb : IVerb
    {
        public VerbSpec Spec { get; } = new("boom", "boom", "Luôn hỏng.", [], 0, 0);

        public Task<int> RunAsync(ParsedArguments args, CliContext context) => throw new InvalidOperationException("hỏng");
    }

    [Test]
    public void A_mistyped_verb_fails_with_the_usage_instead_of_starting_the_service()
    {
        Assert.That(CommandLine.IsVerb(["valdate", "rules-catalog/"]), Is.True);
        Assert.That(CommandLine.IsVerb(["--urls", "http://127.0.0.1:5000"]), Is.False);

        var result = CliRunner.Run("valdate", "rules-catalog/");

        Assert.That(result.Exit, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("Lỗi: lệnh không hợp lệ 'valdate'."));
    }
}

