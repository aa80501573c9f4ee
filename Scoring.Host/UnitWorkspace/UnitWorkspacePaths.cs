namespace Scoring.Host.UnitWorkspace;

/// <summary>Addresses of the unit's workspace.</summary>
internal static class UnitWorkspacePaths
{
    public static string Report(string tenant, string unit) => $"/don-vi/{Uri.EscapeDataString(tenant)}/{Uri.EscapeDataString(unit)}";

    public static string Report(string tenant, string unit, int year) => $"{Report(tenant, unit)}/{year}";
}
