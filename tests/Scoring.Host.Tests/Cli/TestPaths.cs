namespace Scoring.Host.Tests.Cli;

/// <summary>Finds the repository and the fixture folders from the test's output directory.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "Scoring.Host.Tests", "Cli", "Fixtures");

    public static string ViDuData => Path.Combine(Fixtures, "vi-du");

    public static string ExampleRuleSet => Path.Combine(RepoRoot, "rules-catalog", "examples", "vi-du-day-du.rules.json");

    public static string IndicatorsCsv => Path.Combine(RepoRoot, "rules-catalog", "indicators.csv");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Scoring.sln not found above the test directory.");
    }
}
