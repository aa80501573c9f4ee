using System.Reflection;
using Scoring.Engine.Tests;

namespace Scoring.Engine.Tests.PublicApi;

/// <summary>
/// The public API of the two libraries is deliberate and small; these tests fail when it changes.
/// To accept a change, run with SCORING_ACCEPT_API=1 and review the diff of the .txt files under docs/api-surface/.
/// </summary>
public sealed class PublicApiTests
{
    [TestCase(typeof(Scoring.Rules.Model.RuleSet), "Scoring.Rules.txt")]
    [TestCase(typeof(ScoringEngine), "Scoring.Engine.txt")]
    public void PublicApi_MatchesTheReviewedListing(Type anyTypeOfTheAssembly, string listingFile)
    {
        var actual = PublicApiListing.Of(anyTypeOfTheAssembly.Assembly);
        var path = Path.Combine(RepositoryFiles.Root, "docs", "api-surface", listingFile);

        if (Environment.GetEnvironmentVariable("SCORING_ACCEPT_API") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, $"Missing {path}: run the tests once with SCORING_ACCEPT_API=1 and review it.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)),
            $"The public API of {anyTypeOfTheAssembly.Assembly.GetName().Name} changed. If deliberate, rerun with SCORING_ACCEPT_API=1 and review the diff.");
    }

    [Test]
    public void Listing_ShowsPublicTypesAndHidesInternalOnes()
    {
        var listing = PublicApiListing.Of(typeof(ScoringEngine).Assembly);

        Assert.That(listing, Does.Contain("static class Scoring.Engine.ScoringEngine"));
        Assert.That(listing, Does.Contain("static class Scoring.Engine.ScoringEngine\n"));
        Assert.That(listing, Does.Contain("  Scoring.Engine.Results.ScoringResult Score(Scoring.Engine.Model.ScoringRequest)\n"));
        Assert.That(listing, Does.Not.Contain("AwardAllocator"), "internal types must not be listed");
    }
}
