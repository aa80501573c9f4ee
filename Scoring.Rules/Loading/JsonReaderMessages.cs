using System.Text.RegularExpressions;

namespace Scoring.Rules.Loading;

/// <summary>
/// Puts Newtonsoft's JSON syntax messages and the file system's errors into Vietnamese: rule maintainers read every
/// diagnostic in Vietnamese. Unknown messages fall back to a general Vietnamese sentence (the position still says where).
/// </summary>
internal static class JsonReaderMessages
{
    private static readonly (Regex Pattern, Func<Match, string> Text)[] Known =
    [
        (P(@"^Unexpected character encountered while parsing value: (.+)\.$"), m => $"gặp ký tự không mong đợi `{m.Groups[1].Value}` ở chỗ cần một giá trị."),
        (P(@"^Unexpected character encountered while parsing number: (.+)\.$"), m => $"gặp ký tự không mong đợi `{m.Groups[1].Value}` khi đọc một số."),
        (P(@"^After parsing a value an unexpected character was encountered: (.+)\.$"), m => $"gặp ký tự không mong đợi `{m.Groups[1].Value}` sau một giá trị (có thể thiếu dấu phẩy)."),
        (P(@"^Additional text encountered after finished reading JSON content: (.+)\.$"), m => $"còn văn bản `{m.Groups[1].Value}` sau khi đối tượng JSON đã kết thúc."),
        (P(@"^Invalid (?:JavaScript )?property identifier character: (.+)\.$"), m => $"ký tự `{m.Groups[1].Value}` không được dùng ở chỗ cần tên thuộc tính (tên thuộc tính phải đặt trong dấu ngoặc kép)."),
        (P(@"^Invalid character after parsing property name\. Expected ':' but got: (.+)\.$"), m => $"sau tên thuộc tính cần dấu `:` nhưng gặp `{m.Groups[1].Value}`."),
        (P(@"^Unterminated string\. Expected delimiter: (.+)\.$"), m => $"chuỗi chưa được đóng: thiếu dấu `{m.Groups[1].Value}` ở cuối."),
        (P(@"^Bad JSON escape sequence: (.+)\.$"), m => $"chuỗi thoát `{m.Groups[1].Value}` không hợp lệ trong JSON."),
        (P(@"^Invalid Unicode escape sequence: (.+)\.$"), m => $"chuỗi thoát Unicode `{m.Groups[1].Value}` không hợp lệ."),
        (P(@"^Input string '(.*)' is not a valid \w+\.$"), m => $"`{m.Groups[1].Value}` không phải là một số hợp lệ."),
        (P(@"^(?:Can not add property (.+) to .+\. Property with the same name already exists on object|Property with the name '(.+)' already exists in the current JSON object)\.$"),
            m => $"Thuộc tính `{(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)}` xuất hiện hai lần trong cùng một đối tượng JSON."),
        (P(@"^Unexpected end (?:when reading JSON|of content while loading \w+|when reading token|while parsing \w+(?: \w+)*)\.$"), _ => "tệp kết thúc khi JSON còn dang dở (thiếu dấu đóng ngoặc hoặc dấu ngoặc kép)."),
        (P(@"^Error reading JToken from JsonReader\.?.*$"), _ => "không có nội dung JSON nào (tệp rỗng?)."),
        (P(@"^Error parsing (boolean|null|undefined|NaN|Infinity|-Infinity) value\.$"), _ => "giá trị viết sai: chỉ dùng `true`, `false`, `null`, một số hoặc một chuỗi trong dấu ngoặc kép."),
        (P(@"^Error parsing comment\..*$"), _ => "chú thích viết sai: dùng `//` hoặc `/* … */`."),
    ];

    /// <summary>The Vietnamese text of a Newtonsoft reader message (its position already removed).</summary>
    public static string Translate(string message)
    {
        foreach (var (pattern, text) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return text(match);
            }
        }
        return "cú pháp JSON sai ở vị trí này.";
    }

    /// <summary>Why a file could not be read, in Vietnamese (the operating system's message is English).</summary>
    public static string DescribeIoError(Exception error) => error switch
    {
        FileNotFoundException => "tệp không tồn tại",
        DirectoryNotFoundException => "thư mục chứa tệp không tồn tại",
        UnauthorizedAccessException => "không có quyền đọc tệp, hoặc đường dẫn là một thư mục",
        PathTooLongException => "đường dẫn quá dài",
        ArgumentException or NotSupportedException => "đường dẫn không hợp lệ",
        _ => "lỗi vào/ra khi đọc tệp (tệp có thể đang bị khoá hoặc ổ đĩa gặp sự cố)",
    };

    private static Regex P(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
