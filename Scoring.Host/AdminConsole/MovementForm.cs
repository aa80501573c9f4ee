using Microsoft.AspNetCore.Http.HttpResults;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The movement fields a console form sends (code, title, plan, deadline dd/MM): read into the API's <see cref="MovementDto"/>
/// with each refusal beside its field (field names MovementCode, MovementTitle, Deadline), and the API's own refusal
/// worded for the form.
/// </summary>
internal static class MovementForm
{
    public const string Zone = "Asia/Ho_Chi_Minh";

    /// <summary>The movement, or null when a field was refused on <paramref name="form"/>.</summary>
    public static MovementDto? Read(ConsoleFormModel form, string? code, string? title, string? plan, string? deadline)
    {
        code = code?.Trim() ?? "";
        if (!TenantCode.IsValid(code))
        {
            form.Refuse("MovementCode", code.Length == 0 ? "Hãy nhập mã phong trào, ví dụ dmst-cds-2025-2030." : $"Mã “{code}” không dùng được: mã {TenantCode.Rule}");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            form.Refuse("MovementTitle", "Hãy nhập tên phong trào.");
        }

        var stored = MovementDeadline.Stored(deadline);
        if (stored is null)
        {
            form.Refuse("Deadline", string.IsNullOrWhiteSpace(deadline)
                ? "Hãy nhập hạn báo cáo hằng năm dạng dd/MM, ví dụ 10/11."
                : $"Hạn báo cáo “{deadline!.Trim()}” {MovementDeadline.Wrong}");
        }

        return stored is null || !TenantCode.IsValid(code) || string.IsNullOrWhiteSpace(title)
            ? null
            : new MovementDto(code, title.Trim(), string.IsNullOrWhiteSpace(plan) ? null : plan.Trim(), stored, Zone);
    }

    /// <summary>The API's refusal of a movement's deadline, in the form's dd/MM words.</summary>
    public static string Worded(ProblemHttpResult problem, MovementDto movement, string? typed) =>
        (problem.ProblemDetails.Detail ?? "")
            .Replace($"'{movement.ReportDeadline}'", $"'{typed?.Trim()}'", StringComparison.Ordinal)
            .Replace("MM-dd (ví dụ 11-10)", "dd/MM (ví dụ 10/11); ngày 29/02 không có mỗi năm", StringComparison.Ordinal);
}
