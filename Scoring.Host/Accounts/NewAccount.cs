namespace Scoring.Host.Accounts;

/// <summary>What creating an account needs: a user name, the name shown, the role and scope; a password or null to generate one.</summary>
/// <param name="MustChangePassword">True for a password someone else chose (an administrator's, a generated one).</param>
internal sealed record NewAccount(string UserName, string DisplayName, AccountScope Scope, string? Password, bool MustChangePassword);
