namespace Scoring.Host.Cli;

/// <summary>
/// `verify --rules &lt;folder&gt; --data &lt;folder&gt; --year &lt;yyyy&gt; --result &lt;result.json&gt;`: re-scores the inputs and
/// compares the bytes with a result written by `score --format json`. Exit 0 when identical; 1 with the first difference.
/// </summary>
internal sealed class VerifyVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "verify",
        "verify --rules <thư mục> --data <thư mục> --year <yyyy> --result <result.json>",
        "Chấm lại từ dữ liệu và bộ tiêu chí, so từng byte với kết quả đã ghi bằng `score --format json`.",
        [
            new("--rules", "thư mục", "thư mục (hoặc tệp) bộ tiêu chí *.rules.json đã dùng"),
            new("--data", "thư mục", "thư mục dữ liệu đã dùng"),
            new("--year", "yyyy", "năm chấm điểm"),
            new("--result", "tệp", "kết quả cần kiểm tra (tệp JSON do `score --format json` ghi)"),
        ],
        0,
        0);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var rulesPath = args.Require("--rules");
        var dataPath = args.Require("--data");
        var year = args.RequireYear();
        var resultPath = args.Require("--result");
        if (!File.Exists(resultPath))
        {
            throw new CliException($"--result: không tìm thấy tệp '{resultPath}'. Ghi kết quả bằng `score --format json --out <tệp>` rồi kiểm tra lại.");
        }

        var stored = File.ReadAllBytes(resultPath);
        var ruleSets = RuleSetInputs.Load(rulesPath, "--rules");
        var data = ScoringSession.LoadData(dataPath, ruleSets, rulesPath, context);
        var run = ScoringSession.Score(ruleSets, data.Input, year, context);
        var text = new StringWriter { NewLine = "\n" };
        ScoreVerb.WriteJson(ExportInput.From(run), text);
        var replayed = OutputTarget.Utf8.GetBytes(text.ToString());

        var comparison = ReplayComparison.Of(stored, replayed);
        if (comparison.Identical)
        {
            context.Output.WriteLine($"Trùng khớp từng byte: chấm lại cho đúng kết quả đã lưu (SHA-256 {comparison.StoredSha256.ToUpperInvariant()}).");
            return Task.FromResult(ExitCodes.Ok);
        }

        context.Output.WriteLine($"Không trùng khớp: {comparison.FirstDifference}");
        context.Output.WriteLine($"SHA-256 tệp đã lưu: {comparison.StoredSha256.ToUpperInvariant()}; chấm lại: {comparison.ReplayedSha256.ToUpperInvariant()}.");
        return Task.FromResult(ExitCodes.Failed);
    }
}
