namespace Scoring.Host.Council;

/// <summary>The appraiser's pages.</summary>
internal static class CouncilPaths
{
    public const string Index = "/tham-dinh";

    public static string Appraisal(long run) => $"/tham-dinh/luot-cham/{run}";

    public static string Decisions(long run) => $"/tham-dinh/luot-cham/{run}/hoi-dong";
}
