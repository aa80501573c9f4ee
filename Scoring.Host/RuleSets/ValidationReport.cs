using Scoring.Rules.Validation;

namespace Scoring.Host.RuleSets;

/// <summary>Every diagnostic of an uploaded rule set (not just the first), with the hash it would be published under.</summary>
public sealed record ValidationReport(bool Valid, string? Id, string? Version, string? Sha256, IReadOnlyList<Diagnostic> Diagnostics);
