using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>An account as the console lists it: who, what it may do, and whether it can sign in now.</summary>
internal sealed record AccountRow(string UserName, string DisplayName, string Role, string? Tenant, string? Unit, string? Groups,
    bool Disabled, bool MustChangePassword, bool LockedOut, Instant CreatedAt)
{
    public string State => Disabled ? "Đã vô hiệu hóa" : LockedOut ? "Tạm khóa (nhập sai mật khẩu)" : MustChangePassword ? "Chờ đổi mật khẩu ban đầu" : "Đang dùng";

    public string StateSlug => Disabled ? "vo-hieu" : LockedOut ? "tam-khoa" : MustChangePassword ? "cho-doi" : "dang-dung";

    public string Scope => (Unit is { } u ? $"đơn vị {u}" : "") + (Groups is { } g ? $"cụm/khối {g.Replace(",", ", ", StringComparison.Ordinal)}" : "");
}
