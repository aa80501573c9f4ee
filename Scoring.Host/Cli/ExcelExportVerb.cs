using System.Text.Json;
using System.Text.Json.Nodes;
using Scoring.Host.RuleSetExcel;

namespace Scoring.Host.Cli;

/// <summary>`excel-export &lt;rule set&gt; --out &lt;file.xlsx&gt;`: a rule set as the documented scoring-table template.</summary>
internal sealed class ExcelExportVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "excel-export",
        "excel-export <tệp .rules.json> --out <tệp.xlsx>",
        "Xuất bộ tiêu chí ra bảng chấm điểm Excel theo mẫu (STT, nội dung tiêu chí, điểm tối đa, cách chấm); nhập lại tệp này cho đúng bộ tiêu chí ban đầu.",
        [new("--out", "tệp.xlsx", "tệp Excel cần ghi")],
        1,
        1);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var path = args.Positionals[0];
        var output = args.Require("--out");
        if (!File.Exists(path))
        {
            throw new CliException($"Không tìm thấy tệp bộ tiêu chí '{path}'.");
        }
        JsonObject ruleSet;
        try
        {
            ruleSet = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new CliException($"'{path}' không chứa một đối tượng JSON (bộ tiêu chí).");
        }
        catch (JsonException e)
        {
            throw new CliException($"'{path}' không phải JSON hợp lệ: {e.Message} Kiểm tra bằng `validate {path}`.");
        }
        OutputTarget.WriteFile(output, stream => ScoringTableWriter.Write(ruleSet, stream));
        context.Output.WriteLine($"Đã ghi {output}: bảng chấm điểm của {ruleSet["id"]}@{ruleSet["version"]}.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
