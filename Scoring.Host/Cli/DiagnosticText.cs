using Scoring.Rules.Validation;

namespace Scoring.Host.Cli;

/// <summary>One line per diagnostic: "file(line,col): lỗi CODE $.path: message — Cách sửa: fix".</summary>
internal static class DiagnosticText
{
    public static string Format(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "lỗi" : "cảnh báo";
        var text = $"{diagnostic.File}({diagnostic.Line},{diagnostic.Column}): {severity} {diagnostic.Code} {diagnostic.JsonPath}: {diagnostic.Message}";
        return string.IsNullOrWhiteSpace(diagnostic.Fix) ? text : $"{text} — Cách sửa: {diagnostic.Fix}";
    }
}
