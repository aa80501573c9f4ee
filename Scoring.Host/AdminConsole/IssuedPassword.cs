namespace Scoring.Host.AdminConsole;

/// <summary>One line of a password sheet: the account and its initial password, shown on this sheet only and stored nowhere.</summary>
internal sealed record IssuedPassword(string UserName, string DisplayName, string Role, string? Tenant, string Scope, string Password);
