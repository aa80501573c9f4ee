namespace Scoring.Host.Sensitivity;

/// <summary>The sensitivity pages' addresses (Vietnamese, like the other pages).</summary>
internal static class SensitivityPaths
{
    /// <summary>A workbench draft's analysis, a tab beside the simulator.</summary>
    public static string Draft(string id, string version) => $"/quy-tac/nhap/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(version)}/do-nhay";

    /// <summary>A stored run's analysis, linked from the secretariat's and the console's run pages.</summary>
    public static string Run(long id) => $"/do-nhay/luot-cham/{id}";
}
