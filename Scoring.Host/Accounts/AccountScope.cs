namespace Scoring.Host.Accounts;

/// <summary>What an account may act on: a role with its tenant, unit or groups, checked as the token verb checks them.</summary>
internal sealed record AccountScope(string Role, string? Tenant, string? Unit, IReadOnlyList<string> Groups)
{
    /// <summary>Null when the scope is coherent; otherwise what is wrong, in Vietnamese.</summary>
    public string? Problem() => Role switch
    {
        Roles.Administrator => null,
        Roles.RuleMaintainer => null,
        Roles.Unit when Tenant is null || Unit is null => "Tài khoản đơn vị cần mã tỉnh/xã (tenant) và mã đơn vị (unit).",
        Roles.Secretariat when Tenant is null || Groups.Count == 0 => "Tài khoản thư ký cần mã tỉnh/xã (tenant) và ít nhất một mã cụm/khối (groups).",
        Roles.Appraiser when Tenant is null => "Tài khoản thẩm định cần mã tỉnh/xã (tenant) của Sở Nội vụ.",
        Roles.Unit or Roles.Secretariat or Roles.Appraiser => null,
        _ => $"Vai trò '{Role}' không hợp lệ; dùng một trong: {string.Join(", ", AccountRoles.Names)}.",
    };

    public string GroupList => string.Join(',', Groups);

    public static IReadOnlyList<string> SplitGroups(string? groups) =>
        (groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
