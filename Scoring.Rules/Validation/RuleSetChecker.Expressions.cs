using System.Text.RegularExpressions;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

internal sealed partial class RuleSetChecker
{
    // Any letters: a name typed with a look-alike letter of another alphabet is still a (misspelt) name.
    /// <summary>The name under which every expression reads the scoring year.</summary>
    internal const string YearName = "year";

    private static readonly Regex Identifier = new(@"^[\p{L}_][\p{L}\p{Mn}\p{Nd}_]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Translates <paramref name="text"/> with a scope of the declared indicators (and <paramref name="extraNumbers"/>)
    /// and reports each compiler error at its exact column inside the JSON string.
    /// </summary>
    private void CheckExpression(string label, string path, string text, ValueKind expected, IReadOnlyCollection<string> extraNumbers)
    {
        if (IsBroken(path))
        {
            return;
        }
        // `year` (the scoring year) is readable by every expression of a rule set.
        var scope = new ValidationScope(indicators, [.. extraNumbers, YearName]);
        ExpressionTranslation translation;
        try
        {
            translation = RuleExpressionCompiler.Translate(text, scope, NumericMode.Decimal, expected);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A compiler fault must not hide the rest of the diagnostics.
            bag.Error(DiagnosticCodes.ExpressionInvalid, path, $"{label}: không kiểm tra được biểu thức (lỗi nội bộ {ex.GetType().Name}).",
                "Đơn giản hoá biểu thức và báo lỗi này cho nhóm phát triển.");
            return;
        }
        if (!translation.Errors.IsEmpty && IsOfOtherKind(text, scope, expected))
        {
            // The whole expression is fine but of the wrong kind: say so plainly instead of the compiler's message.
            ReportWrongKind(label, path, text, expected);
            return;
        }
        foreach (var error in translation.Errors)
        {
            ReportExpressionError(label, path, text, error, scope);
        }
        if (translation.Errors.IsEmpty && translation.Kind != expected)
        {
            ReportWrongKind(label, path, text, expected);
        }
    }

    private static bool IsOfOtherKind(string text, ValidationScope scope, ValueKind expected)
    {
        var other = expected == ValueKind.Number ? ValueKind.Boolean : ValueKind.Number;
        try
        {
            var retry = RuleExpressionCompiler.Translate(text, scope, NumericMode.Decimal, other);
            return retry.Succeeded && retry.Kind == other;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    private void ReportWrongKind(string label, string path, string text, ValueKind expected) =>
        bag.Error(DiagnosticCodes.ExpressionWrongKind, path,
            expected == ValueKind.Number
                ? $"{label}: \"{text}\" là một điều kiện (true/false) nhưng ở đây cần một số."
                : $"{label}: \"{text}\" là một số nhưng ở đây cần một điều kiện (true/false).",
            expected == ValueKind.Number
                ? "Viết một biểu thức số (ví dụ `condition ? 10 : 0`), hoặc dùng phương pháp `check` cho tiêu chí đạt/không đạt."
                : "So sánh số đó với một ngưỡng, ví dụ `x >= 80`.");

    private void ReportExpressionError(string label, string path, string text, ExpressionError error, ValidationScope scope)
    {
        var index = Math.Clamp(error.Column - 1, 0, text.Length);
        var at = bag.Map.IsString(path) ? bag.Map.LocateInString(path, index) : bag.Map.Locate(path);
        var segment = error.Length > 0 && index + error.Length <= text.Length ? text.Substring(index, error.Length) : string.Empty;
        var column = $" (cột {error.Column} của biểu thức)";
        if (indicators.TryGetValue(segment, out var indicator) && indicator.Type == IndicatorType.Date)
        {
            bag.Add(DiagnosticCodes.DateInExpression, DiagnosticSeverity.Error, path, at,
                $"{label}: `{segment}` là chỉ số kiểu ngày; không dùng được ngày trong biểu thức{column}.",
                "Chấm điểm theo ngày bằng phương pháp `deadline` (\"method\": \"deadline\", \"date\": \"" + segment + "\", \"due\": …).");
        }
        else if (segment == "null")
        {
            bag.Add(DiagnosticCodes.ExpressionInvalid, DiagnosticSeverity.Error, path, at,
                $"{label}: `null` không dùng được trong biểu thức{column}. Biểu thức không có giá trị rỗng: khi đơn vị chưa nộp một chỉ số, " +
                "tiêu chí đọc chỉ số đó được 0 điểm (\"chưa nộp / không có số liệu\"), trừ khi chỉ số có `default` hoặc biểu thức dùng `??`.",
                "Để thay giá trị còn thiếu bằng một số, viết `tênChỉSố ?? 0` (ví dụ `reportsSent ?? 0`) hoặc khai báo `default` cho chỉ số; " +
                "bỏ phép so sánh với `null`.");
        }
        else if (segment.Length > 0 && Identifier.IsMatch(segment) && !scope.TryResolve(segment, out _, out _) && !char.IsUpper(segment[0]))
        {
            var names = scope.Names.ToList();
            // A look-alike letter from another alphabet gets the same code and hint as any other misspelling.
            var lookAlike = Confusables.Find(segment, names);
            var hint = lookAlike is { } l
                ? $" Chú ý: {Confusables.Explain(l.Letters)}.{Suggestions.Phrase(l.Intended)}"
                : Suggestions.DidYouMean(segment, names);
            bag.Add(DiagnosticCodes.UnknownIdentifier, DiagnosticSeverity.Error, path, at,
                $"{label}: `{segment}` không phải chỉ số đã khai báo{column}.{hint}",
                lookAlike is not null
                    ? "Gõ lại tên chỉ số bằng chữ Latin không dấu (tắt bộ gõ tiếng Việt hoặc bàn phím ngôn ngữ khác khi gõ tên)."
                    : "Khai báo chỉ số này trong `indicators` hoặc sửa lại tên.");
        }
        else
        {
            bag.Add(DiagnosticCodes.ExpressionInvalid, DiagnosticSeverity.Error, path, at,
                $"{label}: {error.Message.TrimEnd('.')}{column}.", "Sửa lại biểu thức; docs/expressions.md liệt kê những gì biểu thức được phép dùng.");
        }
    }
}
