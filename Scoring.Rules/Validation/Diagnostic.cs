namespace Scoring.Rules.Validation;

/// <summary>
/// One problem found in a rule set: where it is (file, line, column, JSON path), what is wrong and how to fix it.
/// Line and column are 1-based; 0 when unknown.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    string JsonPath,
    string Message,
    string Fix)
{
    public override string ToString() =>
        $"{File}({Line},{Column}): {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code} at {JsonPath}: {Message} Fix: {Fix}";
}
