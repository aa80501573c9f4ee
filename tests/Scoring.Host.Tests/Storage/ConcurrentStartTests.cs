using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Storage;

/// <summary>
/// Hosts behind a load balancer are often started together. On one empty PostgreSQL database they must upgrade the
/// schema and seed the samples once: the others wait for the first, then find the database seeded.
/// </summary>
public sealed class ConcurrentStartTests
{
    private string samples = null!;

    [SetUp]
    public void PrepareSamples()
    {
        samples = Directory.CreateTempSubdirectory("scoring-samples-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(samples, "son-la"), Path.Combine(TestData.RepositoryRoot, "samples", "son-la"));
    }

    [TearDown]
    public void RemoveSamples() => Directory.Delete(samples, true);

    [Test]
    public async Task TwoHostsStartTogetherOnAnEmptyPostgres_SeedAndPublishTheSamplesOnce()
    {
        var database = PostgresFixture.Instance.CreateDatabase();
        using var first = Seeding(database);
        using var second = Seeding(database);

        // Both start at once; each start runs migration and seeding before the server is up.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        var tenants = await first.WithDbAsync(db => db.Tenants.Select(t => t.Code).ToListAsync());
        var versions = await first.WithDbAsync(db => db.RuleSetVersions.Select(v => new { v.RuleSetId, v.Version }).ToListAsync());
        var runs = await first.WithDbAsync(db => db.ScoringRuns.Select(r => new { r.TenantCode, r.Year, r.Scope, r.RuleSetSha256 }).ToListAsync());
        var seededUnits = await first.WithDbAsync(db => db.Units.CountAsync());
        var published = await first.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "run.publish"));

        Assert.That(tenants, Is.EqualTo(new[] { "son-la" }));
        Assert.That(versions, Is.Not.Empty.And.Unique, "every catalog rule-set version stored once");
        Assert.That(seededUnits, Is.EqualTo(File.ReadLines(Path.Combine(samples, "son-la", "units.csv")).Count(l => l.Length > 0) - 1), "each sample unit once");
        Assert.That(runs, Is.Not.Empty.And.Unique, "the sample results scored once per rule set and scope");
        Assert.That(published, Is.EqualTo(runs.Count), "each sample run published once");
    }

    private ScoringHostFactory Seeding(string database) => new(database, settings: new Dictionary<string, string?>
    {
        ["Seed:Enabled"] = "true",
        ["Seed:PublishSampleResults"] = "true",
        ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
        ["Seed:SamplesDirectory"] = samples,
    });
}
