using System.Collections.Immutable;
using Scoring.Rules.Validation;

namespace Scoring.Host.RuleSets;

/// <summary>An uploaded rule set's identity and every diagnostic found; publishable when there is no error.</summary>
internal sealed record RuleSetIntakeResult(string? Id, string? Version, string? Title, string? Tenant, string? Sha256, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The uploaded text, decoded (set when the rule set is valid: what is stored on publication).</summary>
    public string? Json { get; init; }

    public bool Valid => Id is not null && Version is not null && Sha256 is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
