namespace Scoring.Host.Accounts;

/// <summary>The outcome of an account change: the account and, when one was generated, its new password (shown once); or the errors.</summary>
internal sealed record AccountResult(Account? Account, string? Password, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Failed(params string[] errors) => new(null, null, errors);
}
