using Scoring.Host.RulesEngineImport;

namespace Scoring.Host.Cli;

/// <summary>
/// `rulesengine-import &lt;workflow.json&gt; --out &lt;draft.rules.json | folder&gt;`: Microsoft RulesEngine workflows become draft
/// rule sets; what the whitelist refuses is listed with the workflow, the rule and the column.
/// </summary>
internal sealed class RulesEngineImportVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "rulesengine-import",
        "rulesengine-import <workflow.json> --out <bản nháp.rules.json | thư mục>",
        "Nhập workflow của Microsoft RulesEngine thành bản nháp bộ tiêu chí: mỗi quy tắc thành một tiêu chí; cú pháp Dynamic LINQ được chuyển sang "
            + "tập con C# của bộ tiêu chí, phần không chuyển được liệt kê kèm tên quy tắc và vị trí.",
        [new("--out", "tệp | thư mục", "tệp bản nháp (một workflow) hoặc thư mục có sẵn (mỗi workflow một tệp <mã>.rules.json)")],
        1,
        1);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var path = args.Positionals[0];
        var output = args.Require("--out");
        if (!File.Exists(path))
        {
            throw new CliException($"Không tìm thấy tệp workflow '{path}'.");
        }
        if (new FileInfo(path).Length > Scoring.Rules.Loading.RuleSetLoader.MaxBytes)
        {
            throw new CliException($"Tệp '{path}' lớn hơn giới hạn 2 MB.");
        }
        System.Collections.Immutable.ImmutableArray<WorkflowDraft> drafts;
        try
        {
            drafts = WorkflowImporter.Import(File.ReadAllText(path));
        }
        catch (WorkflowFormatException e)
        {
            throw new CliException(e.Message);
        }
        var toFolder = Directory.Exists(output);
        if (!toFolder && drafts.Length > 1)
        {
            throw new CliException($"Tệp có {drafts.Length} workflow: --out cần là một thư mục có sẵn (mỗi workflow một tệp).");
        }
        foreach (var draft in drafts)
        {
            var target = toFolder ? Path.Combine(output, $"{System.Text.Json.Nodes.JsonNode.Parse(draft.Json)!["id"]}.rules.json") : output;
            OutputTarget.WriteFile(target, stream =>
            {
                using var writer = new StreamWriter(stream, OutputTarget.Utf8, leaveOpen: true);
                writer.Write(draft.Json);
            });
            context.Output.WriteLine($"Workflow «{draft.WorkflowName}»: {draft.Criteria} tiêu chí → {target}");
            if (!draft.Problems.IsEmpty)
            {
                context.Output.WriteLine($"  {draft.Problems.Length} phần không chuyển được:");
                foreach (var problem in draft.Problems)
                {
                    context.Output.WriteLine($"    {problem}");
                }
            }
        }
        context.Output.WriteLine("Bản nháp cần hoàn thiện (đối tượng áp dụng `unitKinds`, mức xếp loại `grades`, tên chỉ số); kiểm tra bằng `validate`.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
