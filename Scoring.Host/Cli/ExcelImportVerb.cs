using Scoring.Host.RuleSetExcel;

namespace Scoring.Host.Cli;

/// <summary>
/// `excel-import &lt;file.xlsx&gt; --out &lt;draft.rules.json&gt;`: a scoring table in the template becomes a draft rule set; the
/// rows that could not be read are listed (sheet, row, text, why) for the maintainer to finish.
/// </summary>
internal sealed class ExcelImportVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "excel-import",
        "excel-import <tệp.xlsx> --out <bản nháp.rules.json>",
        "Nhập bảng chấm điểm Excel theo mẫu thành bản nháp bộ tiêu chí; liệt kê các dòng chưa đọc được (trang, dòng, nội dung) để hoàn thiện.",
        [new("--out", "tệp", "tệp bản nháp .rules.json cần ghi")],
        1,
        1);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var path = args.Positionals[0];
        var output = args.Require("--out");
        if (!File.Exists(path))
        {
            throw new CliException($"Không tìm thấy tệp '{path}'.");
        }
        ExcelImport import;
        try
        {
            import = ScoringTableReader.Read(File.ReadAllBytes(path));
        }
        catch (ExcelTableException e)
        {
            throw new CliException(e.Message);
        }
        OutputTarget.WriteText(output, context, writer => writer.Write(import.Json));
        context.Output.WriteLine($"Đã đọc {import.Sections} mục, {import.Criteria} tiêu chí.");
        if (import.Unread.IsEmpty)
        {
            context.Output.WriteLine("Mọi dòng đều đã đọc được. Kiểm tra bản nháp bằng `validate`.");
        }
        else
        {
            context.Output.WriteLine($"{import.Unread.Length} dòng chưa đọc được, cần hoàn thiện trong bản nháp:");
            foreach (var row in import.Unread)
            {
                context.Output.WriteLine($"  {row}");
            }
        }
        return Task.FromResult(ExitCodes.Ok);
    }
}
