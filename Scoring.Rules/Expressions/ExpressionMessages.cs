namespace Scoring.Rules.Expressions;

/// <summary>
/// Every message the expression compiler produces, in one place so wording stays consistent. Rule maintainers read
/// them in Vietnamese; names, operators and examples stay verbatim in single quotes.
/// </summary>
internal static class ExpressionMessages
{
    public const string AllowedFunctionList = "Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If";

    public const string AllowedSummary =
        "được phép dùng số, true/false, các chỉ số đã khai báo, + - * / %, phép so sánh, && || !, ?:, ?? và các hàm "
        + AllowedFunctionList;

    /// <summary>How messages name an operator: "Toán tử '+'".</summary>
    public static string Operator(string op) => $"Toán tử '{op}'";

    public static string Empty => "Biểu thức đang trống; hãy viết một công thức, ví dụ 'staffTrained >= 10'.";

    public static string TooLong(int length, int max) =>
        $"Biểu thức dài {length} ký tự, vượt giới hạn {max} ký tự. Hãy tách thành nhiều tiêu chí.";

    public static string TooDeep(int max) =>
        $"Biểu thức lồng nhau quá sâu (hơn {max} cấp); hãy viết đơn giản hơn.";

    public static string Syntax(string detail) => $"Lỗi cú pháp: {detail}";

    public static string NotAllowed(string construct) => $"{construct} không được dùng trong biểu thức; {AllowedSummary}.";

    public static string NullNotAllowed =>
        "'null' không dùng được trong biểu thức: một chỉ số đơn vị chưa nộp không có giá trị để so sánh. "
        + "Để thay giá trị còn thiếu bằng một số, viết 'tênChỉSố ?? 0' hoặc khai báo 'default' cho chỉ số.";

    /// <summary>A call whose callee is not a function name: "(a + b)(c)" or "2(3)", usually a missing operator.</summary>
    public static string NotAFunctionName(string callee) =>
        $"'{callee}' đứng trước dấu ngoặc '(' nhưng không phải tên hàm; nếu muốn nhân, hãy viết dấu '*' giữa hai giá trị "
        + $"(ví dụ '{callee} * (…)'). Chỉ gọi được các hàm {AllowedFunctionList} bằng tên của chúng, ví dụ 'Max(a, b)'.";

    public static string OperatorNotAllowed(string op) =>
        $"Toán tử '{op}' không được dùng trong biểu thức; các toán tử được phép: + - * / % < <= > >= == != && || ! ?: ??.";

    public static string UnknownIdentifier(string name, string? suggestion) =>
        $"Tên '{name}' không xác định: đây không phải chỉ số đã khai báo hay giá trị dùng được ở chỗ này." + DidYouMean(suggestion);

    public static string UnknownFunction(string name, string? suggestion) =>
        $"Hàm '{name}' không được phép; các hàm được phép: {AllowedFunctionList}." + DidYouMean(suggestion);

    public static string MethodNotAllowed(string name) =>
        $"Phương thức '{name}' không được phép; các hàm được phép: {AllowedFunctionList} (gọi trực tiếp, không kèm tiền tố, ví dụ 'Max(a, b)').";

    public static string MemberAccessNotAllowed(string name) =>
        $"Không được truy cập thành viên '{name}'; biểu thức chỉ được đọc các chỉ số đã khai báo.";

    public static string FunctionCaseMismatch(string name, string correct) =>
        $"Hàm '{name}' không được phép; tên hàm phân biệt chữ hoa, chữ thường: hãy viết '{correct}'.";

    public static string ArgumentCount(string function, string expected, int actual) =>
        $"Hàm {function} nhận {expected}, nhưng ở đây có {actual} đối số.";

    public static string NamedArgument(string function) =>
        $"Không được dùng đối số có tên trong {function}(...); hãy truyền các giá trị theo đúng thứ tự.";

    public static string RefArgument(string function) =>
        $"Không được dùng đối số 'ref', 'out' hay 'in' trong {function}(...).";

    public static string RoundDigits(int max) =>
        $"Số chữ số thập phân trong Round(x, digits) phải là một số nguyên viết trực tiếp, từ 0 đến {max}.";

    public static string ClampBounds => "Clamp(x, lo, hi) cần lo <= hi.";

    public static string NeedsNumber(string where) => $"{where} cần một số, nhưng đây là giá trị true/false.";

    public static string NeedsBoolean(string where) => $"{where} cần giá trị true/false, nhưng đây là một số.";

    public static string KindsDiffer(string where) =>
        $"{where} cần hai vế cùng loại (cùng là số hoặc cùng là true/false).";

    public static string ResultKind(ValueKind expected) =>
        expected == ValueKind.Number
            ? "Biểu thức cho ra true/false, nhưng ở đây cần một số (hãy dùng 'condition ? points : 0')."
            : "Biểu thức cho ra một số, nhưng ở đây cần true/false (hãy so sánh, ví dụ '... >= 1').";

    public static string NotTranslated => "Không dịch được biểu thức.";

    public static string CoalesceLeft =>
        "Vế trái của '??' phải là tên một chỉ số đã khai báo, ví dụ 'reportsSent ?? 0'.";

    public static string NumberSuffix(string suffix) =>
        $"Hậu tố số '{suffix}' không được phép; hãy viết số bình thường (ví dụ 0.8) hoặc kèm 'm' (0.8m).";

    public static string NumberFormat(string text) =>
        $"Số '{text}' không hợp lệ; hãy viết bằng chữ số thập phân, có thể kèm dấu '.' (ví dụ 12.5).";

    public static string NumberRange(string text) => $"Số '{text}' quá lớn.";

    public static string DivideByZero(string expression) =>
        $"Chia cho 0 trong biểu thức '{expression}'. Dùng Ratio(a, b) nếu mẫu số có thể bằng 0.";

    public static string Overflow(string expression) =>
        $"Kết quả vượt quá giới hạn số trong biểu thức '{expression}'.";

    private static string DidYouMean(string? suggestion) =>
        suggestion is null ? string.Empty : $" Có phải bạn định viết '{suggestion}'?";
}
