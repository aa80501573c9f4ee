using Scoring.Engine;
using Scoring.Engine.Compilation;
using Scoring.Engine.Testing;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Host.Cli;

/// <summary>`test &lt;files or folders&gt;`: runs each rule set's own test cases; pass/fail per case with expected vs actual; exit 1 on any failure.</summary>
internal sealed class TestVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "test",
        "test <tệp hoặc thư mục>...",
        "Chạy các ca kiểm thử có sẵn trong bộ tiêu chí; in đạt/không đạt, giá trị mong đợi và thực tế.\nMã thoát 1 nếu có ca không đạt hoặc bộ tiêu chí có lỗi.",
        [],
        1,
        int.MaxValue);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var missing = args.Positionals.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new CliException($"Không tìm thấy tệp hay thư mục: {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        }

        var files = RuleSetLoader.LoadPaths(args.Positionals).Files;

        int passed = 0, failed = 0, broken = 0;
        foreach (var file in files)
        {
            if (!file.Succeeded)
            {
                broken++;
                var errors = file.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                context.Output.WriteLine($"{errors.FirstOrDefault()?.File ?? "?"}: không chạy được kiểm thử vì bộ tiêu chí có {errors.Count} lỗi:");
                foreach (var error in errors)
                {
                    context.Output.WriteLine($"  {DiagnosticText.Format(error)}");
                }

                continue;
            }

            var document = file.Document!;
            context.Output.WriteLine($"{document.File}: {document.Identity.Id}@{document.Identity.Version}");
            RuleSetTestReport report;
            try
            {
                report = RuleSetTestRunner.Run(ScoringEngine.Compile(document.RuleSet, document.Identity));
            }
            catch (RuleSetCompilationException ex)
            {
                broken++;
                context.Output.WriteLine($"  Không biên dịch được bộ tiêu chí `{document.Identity.Id}`:");
                foreach (var error in ex.Errors)
                {
                    context.Output.WriteLine($"    {error}");
                }

                continue;
            }

            if (report.Results.IsEmpty)
            {
                context.Output.WriteLine("  (không có ca kiểm thử)");
            }

            foreach (var result in report.Results)
            {
                context.Output.WriteLine($"  {(result.Passed ? "ĐẠT     " : "KHÔNG ĐẠT")} {result.Name}");
                foreach (var mismatch in result.Mismatches)
                {
                    context.Output.WriteLine($"      {Describe(mismatch, result)}: mong đợi {mismatch.Expected}, thực tế {mismatch.Actual} ({mismatch.Path})");
                }
            }

            passed += report.PassedCount;
            failed += report.FailedCount;
        }

        context.Output.WriteLine($"Tổng cộng: {passed} ca đạt, {failed} ca không đạt"
                                 + (broken > 0 ? $", {broken} bộ tiêu chí không chạy được." : "."));
        return Task.FromResult(failed > 0 || broken > 0 ? ExitCodes.Failed : ExitCodes.Ok);
    }

    /// <summary>What a mismatch compares, in words: the runner's <c>What</c> is a key (criterion id, "total", "grade", "error").</summary>
    private static string Describe(RuleSetTestMismatch mismatch, RuleSetTestResult result) =>
        mismatch.Path.EndsWith(".expect.total", StringComparison.Ordinal) ? "tổng điểm"
        : mismatch.Path.EndsWith(".expect.grade", StringComparison.Ordinal) ? "xếp loại"
        : mismatch.Path == result.Path ? "lỗi khi chấm"
        : $"tiêu chí {mismatch.What}";
}
