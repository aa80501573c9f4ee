namespace Scoring.Engine.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ExampleRuleSet => Path.Combine(Root, "rules-catalog", "examples", "vi-du-day-du.rules.json");

    public static string Catalog => Path.Combine(Root, "rules-catalog");

    private static string FindRoot()
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
