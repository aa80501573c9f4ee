namespace Scoring.Rules.Validation;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
