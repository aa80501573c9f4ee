namespace Scoring.Rules.Model;

/// <summary>
/// Who decides an award form (Luật Thi đua, khen thưởng 2022): the head of a body for its own units and people
/// (Giấy khen of a director, a head of department), the commune chairman (Giấy khen of UBND xã), the provincial
/// chairman (Cờ thi đua, Bằng khen of the province), the Prime Minister (Cờ thi đua of the Government, his Bằng
/// khen) and the President (orders and medals).
/// </summary>
public enum AwardAuthorityLevel
{
    HeadOfBody,
    CommuneChairman,
    ProvincialChairman,
    PrimeMinister,
    President,
}
