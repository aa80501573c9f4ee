using System.Collections.Immutable;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Loading;

/// <summary>The outcome of loading a catalog folder: one result per file, in ordinal path order.</summary>
public sealed record RuleSetFolderLoadResult(ImmutableArray<RuleSetLoadResult> Files, ImmutableArray<Diagnostic> FolderDiagnostics)
{
    /// <summary>Every diagnostic: the folder's own, then each file's.</summary>
    public IEnumerable<Diagnostic> Diagnostics => FolderDiagnostics.Concat(Files.SelectMany(f => f.Diagnostics));

    /// <summary>The rule sets that loaded without error.</summary>
    public IEnumerable<RuleSetDocument> Documents => Files.Where(f => f.Succeeded).Select(f => f.Document!);

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
