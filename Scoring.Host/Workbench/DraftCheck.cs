using System.Collections.Immutable;
using Scoring.Engine;
using Scoring.Engine.Testing;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Host.Workbench;

/// <summary>
/// A draft read as the API's intake reads an upload (the shared loader: every diagnostic with its JSON path) and, when it
/// has no error, its own test cases run by the engine. Compiled here, not in the host's cache of published rule sets, so a
/// draft saved a hundred times leaves nothing behind.
/// </summary>
internal sealed record DraftCheck(RuleSetLoadResult Load, RuleSetTestReport? Tests)
{
    public ImmutableArray<Diagnostic> Diagnostics => Load.Diagnostics;

    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The SHA-256 the draft would be published under (null while it has errors).</summary>
    public string? Sha256 => Load.Succeeded ? Load.Document!.Identity.Sha256 : null;

    /// <summary>The draft's JSON through the shared loader: the one parse of a draft outside the workbench's pages.</summary>
    public static RuleSetLoadResult Read(RuleSetDraft draft) => RuleSetLoader.LoadText(draft.Json, RuleSetDrafts.FileName(draft));

    public static DraftCheck Of(RuleSetDraft draft)
    {
        var load = Read(draft);
        if (!load.Succeeded)
        {
            return new DraftCheck(load, null);
        }

        var document = load.Document!;
        return new DraftCheck(load, RuleSetTestRunner.Run(ScoringEngine.Compile(document.RuleSet, document.Identity)));
    }
}
