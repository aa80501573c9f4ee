using Scoring.Engine.Results;

namespace Scoring.Host.Cli;

/// <summary>
/// `score --rules &lt;folder&gt; --data &lt;folder&gt; --year &lt;yyyy&gt; [--format table|json|csv|xlsx] [--out &lt;file&gt;]`:
/// the ranked list per cluster/bloc with grades and award proposals.
/// </summary>
internal sealed class ScoreVerb : IVerb
{
    private static readonly string[] Formats = ["table", "json", "csv", "xlsx"];

    public VerbSpec Spec { get; } = new(
        "score",
        "score --rules <thư mục> --data <thư mục> --year <yyyy> [--format table|json|csv|xlsx] [--out <tệp>]",
        "Chấm điểm một năm: bảng xếp hạng từng cụm/khối, xếp loại và đề nghị khen thưởng.",
        [
            new("--rules", "thư mục", "thư mục (hoặc tệp) bộ tiêu chí *.rules.json"),
            new("--data", "thư mục", "thư mục dữ liệu của một tỉnh/xã (xem docs/data.md)"),
            new("--year", "yyyy", "năm chấm điểm, ví dụ 2025"),
            new("--format", "định dạng", "table (mặc định), json, csv hoặc xlsx"),
            new("--out", "tệp", "ghi vào tệp thay vì màn hình (bắt buộc với xlsx)"),
        ],
        0,
        0);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var rulesPath = args.Require("--rules");
        var dataPath = args.Require("--data");
        var year = args.RequireYear();
        var format = args.Get("--format") ?? "table";
        if (!Formats.Contains(format))
        {
            throw new CliException($"--format phải là một trong: {string.Join(", ", Formats)} (không phải '{format}').");
        }

        var output = args.Get("--out");
        if (format == "xlsx" && output is null)
        {
            throw new CliException("Định dạng xlsx cần --out <tệp.xlsx>: tệp Excel không in ra màn hình được.");
        }

        var ruleSets = RuleSetInputs.Load(rulesPath, "--rules");
        var data = ScoringSession.LoadData(dataPath, ruleSets, rulesPath, context);
        var run = ScoringSession.Score(ruleSets, data.Input, year, context);
        var inputs = ExportInput.From(run);
        if (format != "table")
        {
            // The table prints these itself; for the other formats they go to standard error, beside the file.
            foreach (var input in inputs)
            {
                context.Error.WriteLine($"{input.Result.RuleSet.Id}@{input.Result.RuleSet.Version}: mã băm dữ liệu đầu vào {input.InputsHash}");
            }
        }

        switch (format)
        {
            case "xlsx":
                OutputTarget.WriteFile(output!, stream => XlsxWriter.Write(inputs, data.Tenant.Name, stream));
                context.Error.WriteLine($"Đã ghi {output}");
                break;
            case "json":
                OutputTarget.WriteText(output, context, writer => WriteJson(inputs, writer));
                break;
            case "csv":
                OutputTarget.WriteText(output, context, writer => CsvResultWriter.Write(inputs, writer));
                break;
            default:
                OutputTarget.WriteText(output, context, writer => TableWriter.Write(inputs, data.Tenant.Name, writer));
                break;
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The engine's canonical JSON; several rule sets (a split year) give a JSON array of results.</summary>
    internal static void WriteJson(IReadOnlyList<ExportInput> inputs, TextWriter writer)
    {
        if (inputs.Count == 1)
        {
            writer.Write(ResultJson.Write(inputs[0].Result));
            return;
        }

        writer.Write("[\n");
        writer.Write(string.Join(",\n", inputs.Select(i => ResultJson.Write(i.Result).TrimEnd('\n'))));
        writer.Write("\n]\n");
    }
}
