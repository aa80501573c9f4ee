namespace Scoring.Rules.Expressions;

/// <summary>Every message the expression compiler produces, in one place so wording stays consistent.</summary>
internal static class ExpressionMessages
{
    public const string AllowedFunctionList = "Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If";

    public const string AllowedSummary =
        "allowed are numbers, true/false, declared indicators, + - * / %, comparisons, && || !, ?:, ?? and the functions "
        + AllowedFunctionList;

    public static string Empty => "The expression is empty; write a formula such as 'staffTrained >= 10'.";

    public static string TooLong(int length, int max) =>
        $"The expression is {length} characters long; the limit is {max}. Split it into several criteria.";

    public static string TooDeep(int max) =>
        $"The expression is nested too deeply (more than {max} levels); simplify it.";

    public static string Syntax(string roslynMessage) => $"Syntax error: {roslynMessage}";

    public static string NotAllowed(string construct) => $"{construct} is not allowed in a rule expression; {AllowedSummary}.";

    public static string OperatorNotAllowed(string op) =>
        $"The operator '{op}' is not allowed in a rule expression; allowed operators are + - * / % < <= > >= == != && || ! ?: ??.";

    public static string UnknownIdentifier(string name, string? suggestion) =>
        suggestion is null
            ? $"Unknown name '{name}': it is not a declared indicator or a value available here."
            : $"Unknown name '{name}': it is not a declared indicator or a value available here. Did you mean '{suggestion}'?";

    public static string UnknownFunction(string name, string? suggestion) =>
        suggestion is null
            ? $"Function '{name}' is not allowed; allowed functions: {AllowedFunctionList}."
            : $"Function '{name}' is not allowed; allowed functions: {AllowedFunctionList}. Did you mean '{suggestion}'?";

    public static string MethodNotAllowed(string name) =>
        $"Method '{name}' is not allowed; allowed functions: {AllowedFunctionList} (called without a prefix, e.g. 'Max(a, b)').";

    public static string MemberAccessNotAllowed(string name) =>
        $"Member access '{name}' is not allowed; only declared indicators can be read.";

    public static string FunctionCaseMismatch(string name, string correct) =>
        $"Function '{name}' is not allowed; function names are case-sensitive, write '{correct}'.";

    public static string ArgumentCount(string function, string expected, int actual) =>
        $"{function} takes {expected}, but {actual} {(actual == 1 ? "was" : "were")} given.";

    public static string NamedArgument(string function) =>
        $"Named arguments are not allowed in {function}(...); pass the values in order.";

    public static string RefArgument(string function) =>
        $"'ref', 'out' and 'in' arguments are not allowed in {function}(...).";

    public static string RoundDigits(int max) =>
        $"The number of digits in Round(x, digits) must be a whole-number literal from 0 to {max}.";

    public static string ClampBounds => "Clamp(x, lo, hi) needs lo <= hi.";

    public static string NeedsNumber(string where) => $"{where} needs a number, but this is true/false.";

    public static string NeedsBoolean(string where) => $"{where} needs true/false, but this is a number.";

    public static string KindsDiffer(string where) =>
        $"{where} needs both sides of the same kind (two numbers or two true/false values).";

    public static string ResultKind(ValueKind expected) =>
        expected == ValueKind.Number
            ? "The expression gives true/false, but a number is expected here (use 'condition ? points : 0')."
            : "The expression gives a number, but true/false is expected here (compare it, e.g. '... >= 1').";

    public static string NotTranslated => "The expression could not be translated.";

    public static string CoalesceLeft =>
        "The left side of '??' must be a declared indicator name, e.g. 'reportsSent ?? 0'.";

    public static string NumberSuffix(string suffix) =>
        $"The number suffix '{suffix}' is not allowed; write the number plainly (e.g. 0.8) or with 'm' (0.8m).";

    public static string NumberFormat(string text) =>
        $"The number '{text}' is not allowed; write decimal digits with an optional '.' (e.g. 12.5).";

    public static string NumberRange(string text) => $"The number '{text}' is too large.";

    public static string DivideByZero(string expression) =>
        $"Chia cho 0 trong biểu thức '{expression}'. Dùng Ratio(a, b) nếu mẫu số có thể bằng 0.";

    public static string Overflow(string expression) =>
        $"Kết quả vượt quá giới hạn số trong biểu thức '{expression}'.";
}
