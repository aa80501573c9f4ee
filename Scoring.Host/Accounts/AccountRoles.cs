namespace Scoring.Host.Accounts;

/// <summary>The roles an account can hold (the API's roles but the public one) and how they read in Vietnamese.</summary>
internal static class AccountRoles
{
    public static readonly string[] Names = [Roles.Administrator, Roles.RuleMaintainer, Roles.Secretariat, Roles.Unit, Roles.Appraiser];

    public static string Title(string role) => role switch
    {
        Roles.Administrator => "Quản trị viên",
        Roles.RuleMaintainer => "Cán bộ quản lý bộ tiêu chí",
        Roles.Secretariat => "Thư ký cụm/khối thi đua",
        Roles.Unit => "Đơn vị",
        Roles.Appraiser => "Cán bộ thẩm định Sở Nội vụ",
        _ => role,
    };
}
