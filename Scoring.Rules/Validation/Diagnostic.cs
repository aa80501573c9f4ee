namespace Scoring.Rules.Validation;

/// <summary>
/// One problem found in a rule set: where it is (file, line, column, JSON path), what is wrong and how to fix it.
/// Line and column are 1-based; 0 when unknown. <see cref="Message"/> and <see cref="Fix"/> are in Vietnamese
/// (rule maintainers read them); tools should match on <see cref="Code"/>, the position and <see cref="JsonPath"/>.
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
        $"{File}({Line},{Column}): {(Severity == DiagnosticSeverity.Error ? "lỗi" : "cảnh báo")} {Code} {JsonPath}: {Message} Cách sửa: {Fix}";
}
