using System.Globalization;

namespace Scoring.Host.Errors;

/// <summary>The Vietnamese titles and details of problems the framework (not a handler) answers with, in one place.</summary>
internal static class ProblemTexts
{
    public const string MalformedJsonTitle = "Nội dung JSON không hợp lệ";
    public const string WrongJsonValueTitle = "Giá trị JSON sai kiểu";
    public const string NotUtf8Title = "Nội dung không phải UTF-8";
    public const string NestedTooDeepTitle = "JSON lồng nhau quá sâu";
    public const string MissingBodyTitle = "Thiếu nội dung yêu cầu";
    public const string BadParameterTitle = "Tham số không hợp lệ";
    public const string BadRequestTitle = "Yêu cầu không hợp lệ";
    public const string UnauthorizedTitle = "Chưa đăng nhập";
    public const string ForbiddenTitle = "Không có quyền";
    public const string NotFoundTitle = "Không tìm thấy";
    public const string RouteMismatchTitle = "Tham số đường dẫn không hợp lệ";
    public const string MethodNotAllowedTitle = "Phương thức không được hỗ trợ";
    public const string TooLargeTitle = "Nội dung quá lớn";
    public const string UnsupportedMediaTitle = "Kiểu nội dung không được hỗ trợ";
    public const string ServerErrorTitle = "Lỗi máy chủ";
    public const string OtherTitle = "Yêu cầu không thực hiện được";

    public static string MalformedJson(long line, long position, string? path) =>
        $"Nội dung gửi lên không phải JSON hợp lệ: lỗi ở dòng {Number(line)}, vị trí {Number(position)}{After(path)}. "
        + "Hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy kép quanh tên trường và chuỗi, rồi gửi lại.";

    public static string WrongJsonValue(long line, long position, string? path) =>
        $"Giá trị ở dòng {Number(line)}, vị trí {Number(position)}{(string.IsNullOrEmpty(path) ? string.Empty : $" (trường {path})")} không đúng kiểu: "
        + "số viết không có dấu nháy (ví dụ 2025), chuỗi đặt trong dấu nháy kép, danh sách trong [ ]. Hãy sửa rồi gửi lại.";

    public static string NotUtf8(long line, long position, string? path) =>
        $"Nội dung gửi lên có byte không thuộc bảng mã UTF-8 ở dòng {Number(line)}, vị trí {Number(position)}{(string.IsNullOrEmpty(path) ? string.Empty : $" (trường {path})")}, "
        + "thường do văn bản được lưu bằng bảng mã khác (Windows-1258, TCVN3). Hãy gửi JSON mã hoá UTF-8 rồi gửi lại.";

    public static string NestedTooDeep(long line, long position, string? path) =>
        $"JSON gửi lên lồng nhau quá sâu (quá 64 cấp đối tượng và danh sách lồng trong nhau) ở dòng {Number(line)}, vị trí {Number(position)}{After(path)}. "
        + "Đây không phải lỗi cú pháp: API này chỉ cần vài cấp. Hãy kiểm tra các dấu { và [ bị lặp rồi gửi lại.";

    public const string MissingBody =
        "Yêu cầu này cần nội dung JSON nhưng không nhận được gì. Hãy gửi nội dung JSON kèm tiêu đề Content-Type: application/json.";

    public static string MissingParameter(string name, string source) =>
        $"Thiếu tham số '{name}'{(source.Length > 0 ? $" ({source})" : string.Empty)}. Hãy bổ sung rồi gửi lại.";

    public static string BadParameter(string name, string value) =>
        $"Không đọc được giá trị «{value}» của tham số '{name}'. Hãy kiểm tra kiểu dữ liệu (số, ngày yyyy-MM-dd, true/false) rồi gửi lại.";

    public const string BadRequest = "Yêu cầu không đúng định dạng mà API này chờ đợi. Hãy đối chiếu với mô tả API tại /openapi/v1.json.";

    public const string Unauthorized = "Yêu cầu này cần đăng nhập: hãy gửi tiêu đề Authorization: Bearer <mã truy cập> còn hiệu lực.";

    public const string Forbidden = "Tài khoản của bạn không có quyền thực hiện thao tác này.";

    public static string UnknownRoute(string method, string path) =>
        $"Không có API nào tại {method} {path}. Hãy kiểm tra lại đường dẫn; danh sách API có tại /openapi/v1.json.";

    public const string NotFound = "Không tìm thấy tài nguyên được yêu cầu.";

    public static string RouteMismatch(string name, string? value, string constraint) =>
        $"Tham số '{name}' trong đường dẫn phải là {Describe(constraint)}, nhưng nhận được «{value}». Hãy sửa đường dẫn rồi gửi lại.";

    public static string MethodNotAllowed(string method, string path, string allowed) =>
        $"Đường dẫn {path} không nhận phương thức {method}."
        + (allowed.Length > 0 ? $" Các phương thức được phép: {allowed}." : string.Empty);

    public const string TooLarge = "Nội dung gửi lên vượt quá giới hạn cho phép. Hãy gửi tệp hoặc nội dung nhỏ hơn.";

    public static string UnsupportedMedia(string? contentType, bool form) =>
        $"Kiểu nội dung {(string.IsNullOrEmpty(contentType) ? "(không khai báo)" : $"«{contentType}»")} không được hỗ trợ ở đây. "
        + (form ? "Hãy gửi dạng multipart/form-data với tệp trong trường 'file'." : "Hãy gửi JSON với tiêu đề Content-Type: application/json.");

    public const string ServerError =
        "Đã xảy ra lỗi không mong đợi khi xử lý yêu cầu. Hãy thử lại sau; nếu lỗi lặp lại, báo cho quản trị viên kèm mã traceId của câu trả lời này.";

    public static string Other(int status) => $"Yêu cầu không thực hiện được (mã {Number(status)}).";

    private static string Describe(string constraint) => constraint switch
    {
        "int" or "long" => "số nguyên",
        "decimal" or "double" or "float" => "số",
        "bool" => "true hoặc false",
        "guid" => "một GUID",
        "datetime" => "ngày giờ",
        _ => $"giá trị thỏa ràng buộc '{constraint}'",
    };

    private static string After(string? path) => string.IsNullOrEmpty(path) || path == "$" ? string.Empty : $" (sau trường {path})";

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
