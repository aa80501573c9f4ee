using System.Text.RegularExpressions;

namespace Scoring.Host.AdminConsole;

/// <summary>The codes a console form accepts for what appears in addresses (a tenant, a movement, a group): lower-case words joined by hyphens.</summary>
internal static partial class TenantCode
{
    public const string Rule = "chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ son-la hoặc cum-1.";

    public static bool IsValid(string? code) => code is { Length: > 0 and <= 64 } && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
