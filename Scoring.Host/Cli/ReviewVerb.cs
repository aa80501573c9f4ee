using Scoring.Engine.Reviews;

namespace Scoring.Host.Cli;

/// <summary>
/// `review --rules &lt;folder&gt; --data &lt;folder&gt; --phase &lt;id&gt; [--format table|json] [--out &lt;file&gt;]`:
/// the phase review (sơ kết, tổng kết): phase rankings per cluster/bloc and across the tenant, phase award proposals.
/// </summary>
internal sealed class ReviewVerb : IVerb
{
    private static readonly string[] Formats = ["table", "json"];

    public VerbSpec Spec { get; } = new(
        "review",
        "review --rules <thư mục> --data <thư mục> --phase <giai đoạn> [--format table|json] [--out <tệp>]",
        "Sơ kết, tổng kết một giai đoạn: chỉ tiêu giai đoạn của từng đơn vị, xếp hạng giai đoạn và đề nghị khen thưởng giai đoạn.",
        [
            new("--rules", "thư mục", "thư mục (hoặc tệp) bộ tiêu chí *.rules.json"),
            new("--data", "thư mục", "thư mục dữ liệu của một tỉnh/xã (xem docs/data.md)"),
            new("--phase", "giai đoạn", "mã giai đoạn khai báo trong bộ tiêu chí, ví dụ 2025-2027"),
            new("--format", "định dạng", "table (mặc định) hoặc json"),
            new("--out", "tệp", "ghi vào tệp thay vì màn hình"),
        ],
        0,
        0);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var rulesPath = args.Require("--rules");
        var dataPath = args.Require("--data");
        var phase = args.Require("--phase");
        var format = args.Get("--format") ?? "table";
        if (!Formats.Contains(format))
        {
            throw new CliException($"--format phải là một trong: {string.Join(", ", Formats)} (không phải '{format}').");
        }

        var ruleSets = RuleSetInputs.Load(rulesPath, "--rules");
        var data = ScoringSession.LoadData(dataPath, ruleSets, rulesPath, context);
        var run = new PhaseReviewPipeline().Run(ruleSets, data, phase);
        if (!run.Succeeded)
        {
            throw new CliException($"Không sơ kết được giai đoạn {phase}:", run.Problems);
        }

        if (run.Parts.IsEmpty)
        {
            throw new CliException($"Giai đoạn {phase}: không có đơn vị nào được sơ kết.", run.Notes);
        }

        if (format == "json")
        {
            foreach (var note in run.Notes)
            {
                context.Error.WriteLine($"Ghi chú: {note}");
            }

            OutputTarget.WriteText(args.Get("--out"), context, writer => WriteJson(run, writer));
        }
        else
        {
            OutputTarget.WriteText(args.Get("--out"), context, writer => ReviewTableWriter.Write(run, data.Tenant.Name, writer));
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The engine's canonical JSON; several rule sets give a JSON array of reviews (as the service stores them).</summary>
    private static void WriteJson(PhaseReviewRun run, TextWriter writer) =>
        writer.Write(PhaseReviewDocument.Write([.. run.Parts.Select(p => p.Result)]));
}
