using System.Globalization;
using Scoring.Engine;
using Scoring.Engine.Testing;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Catalog.Tests;

/// <summary>
/// Every plan rule set of the catalog loads cleanly, its shipped test cases pass on the engine and cover every
/// criterion, it sits where its identity says, cites the plan for every criterion and uses the shared indicator vocabulary.
/// </summary>
[TestFixture]
public sealed class CatalogRuleSetTests
{
    private static IEnumerable<TestCaseData> Files() =>
        CatalogFiles.PlanRuleSets().Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    private static RuleSetDocument Load(string relative)
    {
        var result = RuleSetLoader.LoadFile(Path.Combine(CatalogFiles.Catalog, relative));
        Assert.That(result.Document, Is.Not.Null, () => string.Join(Environment.NewLine, result.Diagnostics));
        return result.Document!;
    }

    [Test]
    public void TheCatalogHoldsRuleSetsForEveryPlan()
    {
        var tenants = CatalogFiles.PlanRuleSets().Select(f => f.Split('/')[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.That(tenants, Is.EqualTo(CatalogFiles.PlanDocuments.Keys.Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(Files))]
    public void LoadsWithoutErrorsOrWarnings(string file)
    {
        var result = RuleSetLoader.LoadFile(Path.Combine(CatalogFiles.Catalog, file));

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void TheFolderHasNoConflictingVersions()
    {
        var folder = RuleSetLoader.LoadFolder(CatalogFiles.Catalog);

        Assert.That(folder.FolderDiagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(folder.Succeeded, Is.True, () => string.Join(Environment.NewLine, folder.Diagnostics));
    }

    [TestCaseSource(nameof(Files))]
    public void ShippedTestCasesPassOnTheEngine(string file)
    {
        var document = Load(file);

        var report = RuleSetTestRunner.Run(ScoringEngine.Compile(document.RuleSet, document.Identity));

        Assert.That(report.Results, Is.Not.Empty);
        Assert.That(report.Results.SelectMany(r => r.Mismatches).Select(m => m.ToString()), Is.Empty);
    }

    [TestCaseSource(nameof(Files))]
    public void TestCasesCoverEveryCriterionWithATotalAndAGrade(string file)
    {
        var ruleSet = Load(file).RuleSet;
        var criteria = ruleSet.AllCriteria.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();

        Assert.That(ruleSet.Tests, Has.Length.GreaterThanOrEqualTo(3));
        foreach (var test in ruleSet.Tests)
        {
            Assert.That(test.ExpectedCriteria.Keys.Order(StringComparer.Ordinal), Is.EqualTo(criteria), test.Name);
            Assert.That(test.ExpectedTotal, Is.Not.Null, test.Name);
            Assert.That(test.ExpectedGrade, Is.Not.Null, test.Name);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void IdentityMatchesItsPlaceInTheCatalog(string file)
    {
        var ruleSet = Load(file).RuleSet;
        var parts = file.Split('/');
        var subject = parts[2].Split('.')[0];

        Assert.That(ruleSet.Tenant, Is.EqualTo(parts[0]));
        Assert.That(ruleSet.Movement, Is.EqualTo(parts[1]));
        Assert.That(ruleSet.Id, Is.EqualTo($"{parts[0]}.dmst-cds.{subject}"));
        Assert.That(file.EndsWith(".rules.json", StringComparison.Ordinal) && (parts[2] == $"{subject}.rules.json" || parts[2] == $"{subject}.v{ruleSet.Version}.rules.json"),
            Is.True, "the file is <subject>.rules.json (first version) or <subject>.v<version>.rules.json");
    }

    [TestCaseSource(nameof(Files))]
    public void EveryCriterionCitesThePlan(string file)
    {
        var ruleSet = Load(file).RuleSet;
        var document = CatalogFiles.PlanDocuments[ruleSet.Tenant];

        Assert.That(ruleSet.AllCriteria.Where(c => c.Clause is null || !c.Clause.StartsWith(document, StringComparison.Ordinal)).Select(c => c.Id),
            Is.Empty, $"every clause starts with \"{document}\"");
    }

    [TestCaseSource(nameof(Files))]
    public void DeclaredIndicatorsMatchTheVocabulary(string file)
    {
        var vocabulary = ReadVocabulary();
        var ruleSet = Load(file).RuleSet;

        foreach (var indicator in ruleSet.Indicators)
        {
            Assert.That(vocabulary.TryGetValue(indicator.Id, out var row), Is.True, $"{indicator.Id} is in indicators.csv");
            Assert.That(indicator.Type.ToString().ToLowerInvariant(), Is.EqualTo(row.Type), indicator.Id);
            Assert.That(indicator.Source == IndicatorSource.Imported ? "imported" : "self", Is.EqualTo(row.Source), indicator.Id);
            Assert.That(indicator.EvidenceRequired, Is.EqualTo(row.Evidence), indicator.Id);
            Assert.That(indicator.Min, Is.EqualTo(row.Min), indicator.Id);
            Assert.That(indicator.Max, Is.EqualTo(row.Max), indicator.Id);
        }
    }

    [TestCase("son-la", "department", "locality", "party-office", "public-service", "armed-forces", "front", "enterprise", "individual")]
    [TestCase("gia-lai", "department", "locality", "front", "enterprise", "individual")]
    [TestCase("lai-chau", "department", "locality", "front", "enterprise", "individual")]
    [TestCase("ia-bang", "commune-agency", "front", "enterprise", "individual")]
    public void EachSubjectTypeOfThePlanHasExactlyOneRuleSetEveryYear(string tenant, params string[] kinds)
    {
        var ruleSets = CatalogFiles.PlanRuleSets().Where(f => f.StartsWith(tenant + "/", StringComparison.Ordinal)).Select(f => Load(f).RuleSet).ToList();

        foreach (var year in Enumerable.Range(2025, 6))
        {
            foreach (var kind in kinds)
            {
                var ids = ruleSets.Where(r => r.Years.Contains(year) && r.UnitKinds.Any(k => k.Value == kind)).Select(r => r.Id).Distinct().ToList();
                Assert.That(ids, Has.Count.EqualTo(1), $"{tenant} {kind} {year}");
            }
        }
    }

    private static Dictionary<string, (string Type, string Source, bool Evidence, decimal? Min, decimal? Max)> ReadVocabulary()
    {
        // The title is the last column and may hold commas, so only the first six fields are split off.
        return File.ReadLines(CatalogFiles.Vocabulary).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',', 7))
            .ToDictionary(f => f[0], f => (f[1], f[4], f[5] == "true", Number(f[2]), Number(f[3])), StringComparer.Ordinal);

        static decimal? Number(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
    }
}
