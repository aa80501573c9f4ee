using System.Collections.Immutable;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Host.Cli;

/// <summary>Loads rule sets named on the command line (a file or a folder of *.rules.json) for the verbs that score.</summary>
internal static class RuleSetInputs
{
    /// <summary>Every diagnostic of a file or folder; a path that does not exist is a usage error.</summary>
    public static (ImmutableArray<RuleSetDocument> Documents, ImmutableArray<Diagnostic> Diagnostics) Read(string path, string what)
    {
        if (Directory.Exists(path))
        {
            var folder = RuleSetLoader.LoadFolder(path);
            return ([.. folder.Documents], [.. folder.Diagnostics]);
        }

        if (File.Exists(path))
        {
            var file = RuleSetLoader.LoadFile(path);
            return (file.Succeeded ? [file.Document!] : [], file.Diagnostics);
        }

        throw new CliException($"{what}: không tìm thấy tệp hay thư mục '{path}'.");
    }

    /// <summary>The documents of <paramref name="path"/>; any error in them stops the command with every error listed.</summary>
    public static ImmutableArray<RuleSetDocument> Load(string path, string what)
    {
        var (documents, diagnostics) = Read(path, what);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new CliException(
                $"{what} '{path}' có {errors.Count} lỗi; hãy sửa rồi chạy lại (xem đầy đủ: scoring validate {path}):",
                errors.Select(DiagnosticText.Format));
        }

        if (documents.IsEmpty)
        {
            throw new CliException($"{what} '{path}' không có bộ tiêu chí nào (tệp *.rules.json).");
        }

        return documents;
    }
}
