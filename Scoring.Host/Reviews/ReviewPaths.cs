namespace Scoring.Host.Reviews;

/// <summary>The addresses of the review pages.</summary>
internal static class ReviewPaths
{
    public const string Index = "/so-ket";

    public static string Of(long id) => $"/so-ket/{id}";

    public static string Print(long id) => $"/so-ket/{id}/in";

    public static string Report(long id) => $"/api/reviews/{id}/report.xlsx";

    public static string Public(string tenant, string phase) => $"/ket-qua/{tenant}/giai-doan/{Uri.EscapeDataString(phase)}";
}
