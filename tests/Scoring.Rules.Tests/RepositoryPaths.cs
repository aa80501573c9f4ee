namespace Scoring.Rules.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ExampleRuleSet => Path.Combine(Root, "rules-catalog", "examples", "vi-du-day-du.rules.json");

    public static string Schema => Path.Combine(Root, "schema", "rule-set.v1.schema.json");

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
