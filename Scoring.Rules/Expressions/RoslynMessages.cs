using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Vietnamese text for the C# parser's syntax errors (Roslyn only speaks English). The errors a formula can hit are
/// few; anything else gets a general sentence with the compiler's code, and the column still says where.
/// </summary>
internal static class RoslynMessages
{
    private static readonly Regex Quoted = new("'([^']*)'", RegexOptions.CultureInvariant);

    public static string Translate(Diagnostic diagnostic)
    {
        var english = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var quoted = Quoted.Match(english) is { Success: true } m ? m.Groups[1].Value : null;
        return diagnostic.Id switch
        {
            "CS1002" => "thiếu ';'",
            "CS1026" => "thiếu dấu đóng ngoặc ')'",
            "CS1513" => "thiếu dấu đóng ngoặc '}'",
            "CS0443" or "CS1733" => "thiếu một giá trị ở vị trí này",
            "CS1001" => "thiếu một tên ở vị trí này",
            "CS1031" => "thiếu tên kiểu ở vị trí này",
            "CS1003" when quoted is not null => $"thiếu '{quoted}' ở vị trí này",
            "CS1525" when quoted is not null => $"'{quoted}' không thể đứng ở vị trí này trong biểu thức",
            "CS1056" when quoted is not null => $"ký tự '{quoted}' không hợp lệ",
            "CS1010" or "CS1039" or "CS8997" => "chuỗi chưa được đóng bằng dấu ngoặc kép",
            "CS1011" or "CS1012" => "ký tự trong dấu nháy đơn không hợp lệ",
            "CS1035" => "chú thích chưa được đóng bằng '*/'",
            "CS1009" => "chuỗi thoát không hợp lệ",
            "CS1013" => "số viết không hợp lệ",
            "CS1040" or "CS1024" => "chỉ thị tiền xử lý ('#') không được dùng trong biểu thức",
            "CS1073" when quoted is not null => $"gặp '{quoted}' không mong đợi; có thể thiếu một toán tử (+ - * / …) hoặc một dấu phẩy trước nó",
            "CS8124" => "một cặp ngoặc chứa nhiều giá trị cách nhau bằng dấu phẩy",
            _ => $"biểu thức viết sai ở vị trí này (trình biên dịch C# báo mã {diagnostic.Id})",
        };
    }
}
