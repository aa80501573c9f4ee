using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// The authority that gives an award form, and the tenant where the proposal is decided when it is not the rule
/// set's own (a commune's proposal for a provincial Bằng khen is decided by its province).
/// </summary>
public sealed record AwardAuthority(AwardAuthorityLevel Level, string? Tenant)
{
    /// <summary>The words of format v1, in the order of <see cref="AwardAuthorityLevel"/>.</summary>
    public static readonly ImmutableArray<string> LevelNames = ["head-of-body", "commune-chairman", "provincial-chairman", "prime-minister", "president"];

    public string LevelName => LevelNames[(int)Level];

    /// <summary>Vietnamese name of the authority, as lists and exports show it.</summary>
    public string Title => Level switch
    {
        AwardAuthorityLevel.HeadOfBody => "Thủ trưởng cơ quan, đơn vị",
        AwardAuthorityLevel.CommuneChairman => "Chủ tịch UBND xã",
        AwardAuthorityLevel.ProvincialChairman => "Chủ tịch UBND tỉnh",
        AwardAuthorityLevel.PrimeMinister => "Thủ tướng Chính phủ",
        _ => "Chủ tịch nước",
    };
}
