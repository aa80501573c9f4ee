namespace Scoring.Catalog.Tests.Samples;

/// <summary>Finds the repository, the sample data folders and the rule-set catalog from the test's output directory.</summary>
internal static class SamplePaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string RulesCatalog => Path.Combine(RepoRoot, "rules-catalog");

    public static string IndicatorsCsv => Path.Combine(RulesCatalog, "indicators.csv");

    public static string Data(string tenant) => Path.Combine(RepoRoot, "samples", tenant);

    public static string Rules(string tenant) => Path.Combine(RulesCatalog, tenant);

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
