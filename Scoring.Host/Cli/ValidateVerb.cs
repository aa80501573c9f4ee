using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Host.Cli;

/// <summary>`validate &lt;files or folders&gt;`: every diagnostic with its position and fix, a summary; exit 1 on any error.</summary>
internal sealed class ValidateVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "validate",
        "validate <tệp hoặc thư mục>...",
        "Kiểm tra bộ tiêu chí: in mọi lỗi và cảnh báo (tệp, dòng, cột, đường dẫn JSON, cách sửa).\nMã thoát 1 nếu có lỗi.",
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

        // One catalog check over everything named: `validate a.json b.json` finds a changed published version as a folder does.
        var loaded = RuleSetLoader.LoadPaths(args.Positionals);
        var files = loaded.Files;
        var diagnostics = loaded.Diagnostics.ToList();
        foreach (var diagnostic in diagnostics)
        {
            context.Output.WriteLine(DiagnosticText.Format(diagnostic));
        }

        foreach (var document in files.Where(f => f.Succeeded).Select(f => f.Document!))
        {
            context.Output.WriteLine($"{document.File}: hợp lệ ({document.Identity.Id}@{document.Identity.Version}, SHA-256 {document.Identity.Sha256[..12]})");
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        context.Output.WriteLine(files.Length == 0
            ? "Không có tệp *.rules.json nào để kiểm tra."
            : $"Đã kiểm tra {files.Length} tệp: {errors} lỗi, {warnings} cảnh báo.");
        return Task.FromResult(errors > 0 ? ExitCodes.Failed : ExitCodes.Ok);
    }
}
