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
                        $"{document.Identity.Id}@{document.Identity.Version} is also in {first.File} with the same content.",
                        "Keep one copy of the file.")
                    : new Diagnostic(DiagnosticCodes.PublishedVersionChanged, DiagnosticSeverity.Error, document.File, at.Line, at.Column, "$.version",
                        $"{document.Identity.Id}@{document.Identity.Version} is also in {first.File} with different content " +
                        $"(hash {document.Identity.Sha256[..12]} here, {first.Identity.Sha256[..12]} there). A published version is immutable: bump the version.",
                        "Give the changed rule set a new version (e.g. 1.0.1 or 1.1.0) and keep the published file unchanged.");
                results[index] = sameContent
                    ? result with { Diagnostics = result.Diagnostics.Add(diagnostic) }
                    : new RuleSetLoadResult(null, result.Diagnostics.Add(diagnostic));
            }
        }
        return new RuleSetFolderLoadResult([.. results], []);
    }
}
