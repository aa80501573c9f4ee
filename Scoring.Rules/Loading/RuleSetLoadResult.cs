using System.Collections.Immutable;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Loading;

/// <summary>The outcome of reading and validating one file: the document when there is no error, and every diagnostic found.</summary>
public sealed record RuleSetLoadResult(RuleSetDocument? Document, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Document is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
