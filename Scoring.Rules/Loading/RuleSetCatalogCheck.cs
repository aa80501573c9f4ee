using Scoring.Rules.Validation;

namespace Scoring.Rules.Loading;

/// <summary>
/// Checks across files: a published version (id + version) is immutable, so two files with the same id and version
/// must have the same content hash. Files that break this lose their document.
/// </summary>
internal static class RuleSetCatalogCheck
{
    public static RuleSetFolderLoadResult Check(IReadOnlyList<RuleSetLoadResult> files)
    {
        var results = files.ToArray();
        foreach (var group in results.Select((r, i) => (r, i)).Where(x => x.r.Document is not null)
                     .GroupBy(x => (x.r.Document!.Identity.Id, x.r.Document.Identity.Version)))
        {
            var members = group.ToList();
            if (members.Count < 2)
            {
                continue;
            }
            var first = members[0].r.Document!;
            foreach (var (result, index) in members.Skip(1))
            {
                var document = result.Document!;
                var at = document.SourceMap.Locate("$.version");
                var sameContent = document.Identity.Sha256 == first.Identity.Sha256;
                var diagnostic = sameContent
                    ? new Diagnostic(DiagnosticCodes.DuplicateFile, DiagnosticSeverity.Warning, document.File, at.Line, at.Column, "$.version",
                        $"`{document.Identity.Id}@{document.Identity.Version}` cũng có trong {first.File} với nội dung giống hệt.",
                        "Chỉ giữ lại một bản của tệp.")
                    : new Diagnostic(DiagnosticCodes.PublishedVersionChanged, DiagnosticSeverity.Error, document.File, at.Line, at.Column, "$.version",
                        $"`{document.Identity.Id}@{document.Identity.Version}` cũng có trong {first.File} nhưng nội dung khác " +
                        $"(mã băm {document.Identity.Sha256[..12]} ở đây, {first.Identity.Sha256[..12]} ở tệp kia). Phiên bản đã ban hành thì không được sửa: hãy tăng số phiên bản.",
                        "Đặt cho bộ tiêu chí đã sửa một phiên bản mới (ví dụ 1.0.1 hoặc 1.1.0) và giữ nguyên tệp đã ban hành.");
                results[index] = sameContent
                    ? result with { Diagnostics = result.Diagnostics.Add(diagnostic) }
                    : new RuleSetLoadResult(null, result.Diagnostics.Add(diagnostic));
            }
        }
        return new RuleSetFolderLoadResult([.. results], []);
    }
}
