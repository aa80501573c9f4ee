using Scoring.Rules.Model;

namespace Scoring.Host.Awards;

/// <summary>
/// Award lists go to the authority that decides them: the highest first (President, Prime Minister, provincial
/// chairman, commune chairman, heads of bodies), proposals whose rule set names no authority last; the order inside
/// one authority is kept (the engine's: award precedence, group, rank).
/// </summary>
internal static class AuthorityOrder
{
    public static IEnumerable<T> ByAuthority<T>(this IEnumerable<T> items, Func<T, AwardAuthority?> authority) =>
        items.OrderBy(item => authority(item) is { } a ? -(int)a.Level : 1);

    /// <summary>The authority as lists show it, with the deciding tenant when it is another tenant's.</summary>
    public static string Describe(AwardAuthority? authority, string? ownTenant) => authority switch
    {
        null => "Chưa xác định (bộ tiêu chí không ghi thẩm quyền)",
        { Tenant: { } tenant } when tenant != ownTenant => $"{authority.Title} ({tenant})",
        _ => authority.Title,
    };
}
