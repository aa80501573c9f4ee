using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Engine;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Storage;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Host.Tests.RuleSets;

/// <summary>
/// The command line (a --rules folder) and the service (published versions: API, yearly job, pages) choose the same
/// version of a rule set: semantic-version precedence, where a release candidate is below its release and above older releases;
/// and, for a kind of unit, the version in force scores the kind or nothing does (a later version dropping a kind).
/// </summary>
public sealed class RuleSetChoiceTests
{
    private static readonly PublishedRuleSets Store = new(new CompiledRuleSetCache());

    private static RuleSetDocument Document(string version) => Document(version, TestData.RuleSetJson(version));

    private static RuleSetDocument Document(string version, string json)
    {
        var loaded = RuleSetLoader.LoadText(json, $"{version}.rules.json");
        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Document!;
    }

    private static RuleSetVersion Stored(RuleSetDocument document) => Stored(document, TestData.RuleSetJson(document.RuleSet.Version));

    private static RuleSetVersion Stored(RuleSetDocument document, string json) => new()
    {
        RuleSetId = document.RuleSet.Id, Version = document.RuleSet.Version, Tenant = document.RuleSet.Tenant, Title = document.RuleSet.Title,
        Sha256 = document.Identity.Sha256, Json = json, PublishedBy = "test",
    };

    /// <summary>The catalog's commune rule set at <paramref name="version"/> scoring <paramref name="kinds"/>.</summary>
    private static string WithKinds(string version, params string[] kinds)
    {
        var root = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson(version));
        root["unitKinds"] = new Newtonsoft.Json.Linq.JArray(kinds.Cast<object>().ToArray());
        return root.ToString();
    }

    private static (string CommandLine, string Service) Choices(params string[] versions)
    {
        var documents = versions.Select(Document).ToList();
        var ruleSet = documents[0].RuleSet;
        var (chosen, problem) = RuleSetSelector.Select(documents, ruleSet.Tenant, ruleSet.Movement, 2026, ruleSet.UnitKinds[0]);
        Assert.That(problem, Is.Null);
        var service = Store.LatestFor(documents.Select(Stored), 2026);
        return (chosen!.RuleSet.Version, service!.Version);
    }

    [Test]
    public void ReleaseWinsOverItsReleaseCandidate_InBoth()
    {
        Assert.That(Choices("2.0.0-rc1", "2.0.0", "1.0.0"), Is.EqualTo(("2.0.0", "2.0.0")));
    }

    [Test]
    public void ReleaseCandidateWinsOverAnOlderRelease_InBoth()
    {
        Assert.That(Choices("1.0.0", "2.0.0-rc1"), Is.EqualTo(("2.0.0-rc1", "2.0.0-rc1")));
    }

    [Test]
    public void NumbersCompareAsNumbers_InBoth()
    {
        Assert.That(Choices("1.10.0", "1.9.0", "1.2.0"), Is.EqualTo(("1.10.0", "1.10.0")));
    }

    /// <summary>
    /// 1.1.0 drops departments that 1.0.0 scored. The command line used to fall back to 1.0.0 for a department while the
    /// service (the yearly run, the report page, the value checks) found no rule set: now both find none, and both take
    /// 1.1.0 for a commune. The service's side is read from a real SQLite database through the pages' own query.
    /// </summary>
    [Test]
    public async Task AVersionThatDropsAKind_CommandLineAndServiceAgree()
    {
        var jsons = new[] { ("1.0.0", WithKinds("1.0.0", "locality", "department")), ("1.1.0", WithKinds("1.1.0", "locality")) };
        var documents = jsons.Select(j => Document(j.Item1, j.Item2)).ToList();
        var ruleSet = documents[0].RuleSet;
        using var target = new StorageTarget(DatabaseProvider.Sqlite);
        using (var connection = target.OpenConnection())
        {
            await new SchemaMigrator(DatabaseProvider.Sqlite, SystemClock.Instance).MigrateAsync(connection);
        }

        await using var db = target.Context();
        db.RuleSetVersions.AddRange(documents.Select((d, i) => Stored(d, jsons[i].Item2)));
        await db.SaveChangesAsync();
        var store = new PublishedRuleSets(new CompiledRuleSetCache());

        foreach (var (kind, expected) in new[] { (UnitKind.Department, (string?)null), (UnitKind.Locality, "1.1.0") })
        {
            var (commandLine, problem) = RuleSetSelector.Select(documents, ruleSet.Tenant, ruleSet.Movement, 2026, kind);
            var pages = await store.ForUnitAsync(db, ruleSet.Tenant, 2026, kind.ToString(), CancellationToken.None);
            var run = store.LatestFor(await db.RuleSetVersions.ToListAsync(), 2026);

            Assert.That(commandLine?.RuleSet.Version, Is.EqualTo(expected), $"command line, {kind}: {problem}");
            Assert.That(pages.Select(v => v.Version).SingleOrDefault(), Is.EqualTo(expected), $"service, {kind}");
            Assert.That(run!.Version, Is.EqualTo("1.1.0"), "a run scores with the version in force");
        }
    }

    [Test]
    public void Store_ParsesOncePerHash()
    {
        var stored = Stored(Document("3.1.0"));

        Assert.That(Store.Read(stored), Is.SameAs(Store.Read(Stored(Document("3.1.0")))), "the same hash is read once");
        var compiled = Store.Compile(Store.Document(stored));
        Assert.That(Store.Compile(Store.Document(Stored(Document("3.1.0")))), Is.SameAs(compiled));
    }
}
