namespace Scoring.Catalog.Tests;

/// <summary>Finds the plan rule sets of <c>rules-catalog/</c> (the format example excluded) from the test's output folder.</summary>
internal static class CatalogFiles
{
    public static string Root { get; } = FindRoot();

    public static string Catalog => Path.Combine(Root, "rules-catalog");

    public static string Vocabulary => Path.Combine(Catalog, "indicators.csv");

    /// <summary>The tenants of the catalog and the document every clause of theirs cites first.</summary>
    public static IReadOnlyDictionary<string, string> PlanDocuments { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["son-la"] = "QĐ 1470/QĐ-UBND",
        ["gia-lai"] = "KH 36/KH-UBND",
        ["lai-chau"] = "KH Phong trào ĐMST và CĐS tỉnh Lai Châu 2025–2030",
        ["ia-bang"] = "KH 45/KH-UBND xã Ia Băng",
    };

    /// <summary>Every plan rule-set file, in ordinal order, as paths relative to the catalog.</summary>
    public static IEnumerable<string> PlanRuleSets() =>
        Directory.EnumerateFiles(Catalog, "*.rules.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Catalog, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("examples/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

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
