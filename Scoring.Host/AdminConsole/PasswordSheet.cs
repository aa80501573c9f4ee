using NodaTime;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The printable A4 sheet of initial passwords handed to the people who will sign in: rendered once in the answer to the
/// action that made the passwords (never cached, never stored), with the accounts skipped and why.
/// </summary>
internal sealed record PasswordSheet(string Title, string? TenantName, IReadOnlyList<IssuedPassword> Issued, IReadOnlyList<string> Skipped, Instant At)
{
    public const string View = "/AdminConsole/PasswordSheetView.cshtml";
}
