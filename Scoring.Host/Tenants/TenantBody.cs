namespace Scoring.Host.Tenants;

/// <summary>
/// The fields a tenant write needs before anything is read from it: JSON binding leaves a missing or null field null
/// even where the record says otherwise, and the database would then refuse the row with a 500.
/// </summary>
internal static class TenantBody
{
    /// <summary>Why the body cannot be stored (Vietnamese, naming the field), or null.</summary>
    public static string? Refusal(TenantDto? body)
    {
        if (body is null)
        {
            return "Thiếu nội dung đơn vị chủ quản; hãy gửi {\"name\": \"Tỉnh Sơn La\", \"movements\": [...]}.";
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return "Thiếu tên đơn vị chủ quản (trường `name`); hãy ghi tên, ví dụ \"Tỉnh Sơn La\".";
        }

        if (body.Movements is null)
        {
            return "Thiếu danh sách phong trào (trường `movements`); gửi [] nếu chưa có phong trào nào.";
        }

        for (var i = 0; i < body.Movements.Count; i++)
        {
            var m = body.Movements[i];
            var missing = m is null ? "cả phong trào là null"
                : string.IsNullOrWhiteSpace(m.Code) ? "thiếu `code`"
                : string.IsNullOrWhiteSpace(m.Title) ? "thiếu `title`"
                : m.ReportDeadline is null ? "thiếu `reportDeadline` (dạng MM-dd, ví dụ 11-10)"
                : m.TimeZone is null ? "thiếu `timeZone` (Asia/Ho_Chi_Minh)"
                : null;
            if (missing is not null)
            {
                return $"Phong trào thứ {i + 1} (`movements[{i}]`): {missing}. Mỗi phong trào ghi dạng "
                    + "{\"code\": \"dmst-cds-2025-2030\", \"title\": \"…\", \"plan\": \"QĐ …\", \"reportDeadline\": \"11-10\", \"timeZone\": \"Asia/Ho_Chi_Minh\"}.";
            }
        }

        return null;
    }
}
