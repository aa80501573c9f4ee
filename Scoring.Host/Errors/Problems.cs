using Microsoft.AspNetCore.Http.HttpResults;

namespace Scoring.Host.Errors;

/// <summary>ProblemDetails answers; <c>detail</c> is Vietnamese because users read it.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static ProblemHttpResult Forbidden(string detail) => Make(StatusCodes.Status403Forbidden, "Không có quyền", detail);

    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        Make(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", detail, extensions);

    public static ProblemHttpResult Unprocessable(string detail, IDictionary<string, object?>? extensions = null) =>
        Make(StatusCodes.Status422UnprocessableEntity, "Dữ liệu không hợp lệ", detail, extensions);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Make(StatusCodes.Status409Conflict, "Xung đột", detail, extensions);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Make(StatusCodes.Status412PreconditionFailed, "Phiên bản đã thay đổi", detail);

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        Make(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match", detail);

    public static ProblemHttpResult TooLarge(string detail) => Make(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", detail);

    public static ProblemHttpResult UnsupportedType(string detail) =>
        Make(StatusCodes.Status415UnsupportedMediaType, "Loại tệp không được chấp nhận", detail);

    /// <summary>The answer to a refusal a feature's service reported as an HTTP status and a Vietnamese reason.</summary>
    public static ProblemHttpResult Of(int status, string detail, IDictionary<string, object?>? extensions = null) => status switch
    {
        StatusCodes.Status403Forbidden => Forbidden(detail),
        StatusCodes.Status404NotFound => NotFound(detail),
        StatusCodes.Status409Conflict => Conflict(detail),
        StatusCodes.Status412PreconditionFailed => PreconditionFailed(detail),
        StatusCodes.Status413PayloadTooLarge => TooLarge(detail),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedType(detail),
        StatusCodes.Status422UnprocessableEntity => Unprocessable(detail, extensions),
        StatusCodes.Status428PreconditionRequired => PreconditionRequired(detail),
        _ => BadRequest(detail, extensions),
    };

    private static ProblemHttpResult Make(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
